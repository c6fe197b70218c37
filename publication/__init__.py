"""Open publication of public bodies' decisions (Woo): public pages, Atom feed, DiWoo sitemap."""
