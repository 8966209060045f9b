// Matomo, for a visitor who accepted analytics cookies: the server adds this
// script to the page only then. Its settings are the script element's data
// attributes, so the page needs no inline script; the cookie lifetimes come
// from the same table as the site's cookie page (bzksite/cookies.py).
(function () {
  "use strict";
  var settings = document.currentScript.dataset;
  var paq = (window._paq = window._paq || []);
  paq.push(["setCookiePath", "/"]);
  paq.push(["setSecureCookie", window.location.protocol === "https:"]);
  paq.push(["setVisitorCookieTimeout", Number(settings.visitorCookieSeconds)]);
  paq.push(["setSessionCookieTimeout", Number(settings.sessionCookieSeconds)]);
  paq.push(["setReferralCookieTimeout", Number(settings.referralCookieSeconds)]);
  paq.push(["setTrackerUrl", settings.matomoUrl + "matomo.php"]);
  paq.push(["setSiteId", settings.siteId]);
  // The page after a choice has ?cookies=saved: count it as the page itself.
  var page = new URL(window.location.href);
  page.searchParams.delete("cookies");
  page.hash = "";
  paq.push(["setCustomUrl", page.href]);
  paq.push(["trackPageView"]);
  paq.push(["enableLinkTracking"]);
  var tracker = document.createElement("script");
  tracker.async = true;
  tracker.src = settings.matomoUrl + "matomo.js";
  document.head.appendChild(tracker);
})();
