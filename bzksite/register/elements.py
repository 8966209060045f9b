"""Reading the export's elements by local name, in whatever namespace.

The register puts its schema version in the namespace and changes it without
notice, and older files used another host: only local names are compared.
Every lookup goes through direct children, so a unit's data is never taken
from an organisation nested inside it, nor from a person under its functies.
"""

from collections.abc import Iterator

from lxml import etree


def local(tag: object) -> str:
    """The local name of a tag; "" for comments and processing instructions."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def each(element: etree._Element | None, *path: str) -> Iterator[etree._Element]:
    """Every element at `path` below `element`, one direct child per step, in file order."""
    if element is None:
        return
    if not path:
        yield element
        return
    for child in element:
        if local(child.tag) == path[0]:
            yield from each(child, *path[1:])


def child(element: etree._Element | None, *path: str) -> etree._Element | None:
    return next(each(element, *path), None)


def text(element: etree._Element | None) -> str | None:
    """The element's text, stripped; None for a missing or empty element."""
    if element is None or element.text is None:
        return None
    return element.text.strip() or None


def texts(element: etree._Element | None, *path: str) -> tuple[str, ...]:
    """The non-empty texts of every element at `path`."""
    return tuple(value for found in each(element, *path) if (value := text(found)))


def first_text(element: etree._Element | None, *path: str) -> str | None:
    return next(iter(texts(element, *path)), None)


def attribute(element: etree._Element | None, name: str) -> str | None:
    """The attribute with local name `name`, stripped; None when missing or empty."""
    if element is None:
        return None
    for key, value in element.attrib.items():
        if local(key) == name:
            return value.strip() or None
    return None


def identifier(element: etree._Element, name: str) -> str | None:
    """An organisation's identifier: its attribute, else identificatiecodes/resourceIdentifier."""
    value = attribute(element, name)
    if value is None:
        for code in each(element, "identificatiecodes", "resourceIdentifier"):
            if attribute(code, "naam") == name and (value := text(code)):
                break
    return value
