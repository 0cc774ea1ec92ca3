"""Error pages beyond the theme's 404: ``414.html`` (a link too long for the
server) and ``400.html`` (a request it cannot answer: 400, 405, 416), made from the built ``404.html`` so that it keeps the site's look.
nginx answers with them through ``error_page`` (deploy/nginx.conf)."""

from __future__ import annotations

import re
from pathlib import Path

#: The part of 404.html (site_overrides/404.html) that says what went wrong.
_BODY = re.compile(r"<!-- error-page -->.*?<!-- /error-page -->", re.S)
_TITLE = re.compile(r"<title>[^<-]*")

PAGES = {
    "414.html": ("链接太长 ", """<!-- error-page -->
<h1>链接太长，无法打开</h1>
<p>这个链接超出了服务器能接受的长度，可能是复制时多带了内容，或链接里的答案太多。</p>
<p>请检查链接，或从<a href="/">首页</a>重新进入；<a href="/checker/">申报自查</a>的答案可以在页面上重新填写。</p>
<!-- /error-page -->"""),
    # nginx's 400, 405 and 416 (deploy/nginx.conf): a request a static site cannot answer.
    "400.html": ("无法处理这个请求 ", """<!-- error-page -->
<h1>无法处理这个请求</h1>
<p>服务器无法处理这个请求：本站只提供页面浏览，不接收提交的内容；链接也可能不完整。</p>
<p>请从<a href="/">首页</a>重新进入；<a href="/checker/">申报自查</a>的答案只保存在您的浏览器里，可以在页面上重新填写。</p>
<!-- /error-page -->"""),
}


def write(site_dir: Path) -> list[str]:
    """Write each page of :data:`PAGES` beside 404.html; return their names."""
    model = (site_dir / "404.html").read_text(encoding="utf-8")
    if not _BODY.search(model) or not _TITLE.search(model):
        raise ValueError("404.html lacks its error-page markers or title (see site_overrides/404.html)")
    for name, (title, body) in PAGES.items():
        page = _TITLE.sub(f"<title>{title}", model, count=1)
        (site_dir / name).write_text(_BODY.sub(lambda _: body, page, count=1), encoding="utf-8")
    return list(PAGES)
