"""Self-contained HTML pages: an article with its quotes highlighted, and a corpus report.

The pages are strings built from plain records (the JSON quote records); the CLI writes them.
They load nothing from the network: styles, scripts, data and SVG charts are all inline, and
a Content-Security-Policy forbids every fetch, so a page works from `file://` and offline.
"""

from quotecli.html.article import ArticleDoc, article_page
from quotecli.html.report import Selection, report_page, report_site

__all__ = ["ArticleDoc", "Selection", "article_page", "report_page", "report_site"]
