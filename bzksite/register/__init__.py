"""The Register van Overheidsorganisaties as a source: its XML export, read
safely and streamed, and the units of one ministry written into db/content/."""
