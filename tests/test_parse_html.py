"""HTML reader: article body only, tables with merged cells, encodings, <br>."""

from __future__ import annotations

from pathlib import Path

from planwatch.parse import read_document

PAGE = """<html><head><meta charset="{charset}"><title>某市规划</title>
<script>var menu = "首页 政务公开 政府信息公开目录";</script></head><body>
<div class="header"><a href="/">首页</a><a>政务公开</a><a>政府信息公开目录</a><a>互动交流</a></div>
<div id="nav"><ul><li>机构概况</li><li>政策文件</li><li>政策解读</li></ul></div>
<div class="main"><h1>某市“十五五”科技创新规划</h1>
<div id="zoom"><p>一、总体要求</p>
<p>到2030年，全市高新技术企业达到<b>2000</b>家，研发投入强度达到</p><p>3.5%。</p>
<table border="1"><tr><td rowspan="2">指标</td><td colspan="2">目标</td></tr>
<tr><td>2025年</td><td>2030年</td></tr>
<tr><td>高新技术企业（家）</td><td>1500</td><td>2000</td></tr></table>
<p>市科技局<br>2026年1月5日</p></div></div>
<div class="footer">版权所有：某市人民政府办公室 网站标识码 1234 备案号 鲁ICP备0000号</div>
</body></html>"""


def _blocks(path: Path) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in read_document(path).blocks]


def test_article_body_tables_and_breaks(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(charset="utf-8"), encoding="utf-8")
    doc = read_document(path)
    assert [(b.kind, b.text) for b in doc.blocks if b.kind != "table"] == [
        ("heading", "某市“十五五”科技创新规划"),
        ("heading", "一、总体要求"),
        ("paragraph", "到2030年，全市高新技术企业达到2000家，研发投入强度达到3.5%。"),
        ("paragraph", "市科技局"),
        ("paragraph", "2026年1月5日"),
    ]
    [(_, table)] = list(doc.tables())
    assert table.rows == (("指标", "目标", "目标"), ("指标", "2025年", "2030年"),
                          ("高新技术企业（家）", "1500", "2000"))
    assert doc.format == "html"


def test_gbk_page_with_meta_charset(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(PAGE.format(charset="gb2312").encode("gbk"))
    texts = [t for _, t in _blocks(path)]
    assert "一、总体要求" in texts
    assert not any("网站标识码" in t or "政务公开" in t for t in texts)


def test_article_found_without_hints(tmp_path: Path) -> None:
    body = "".join(f"<p>第{i}段：全市科技创新工作取得显著成效，企业创新能力持续增强。</p>"
                   for i in range(8))
    page = (f"<html><body><div><a>首页</a> <a>新闻</a></div><div><div class='x1'>{body}</div>"
            "</div><div>联系我们 电话 0000</div></body></html>")
    path = tmp_path / "plain.html"
    path.write_text(page, encoding="utf-8")
    texts = [t for _, t in _blocks(path)]
    assert len(texts) == 8
    assert texts[0].startswith("第0段")


def test_layout_table_is_walked_through(tmp_path: Path) -> None:
    page = ("<html><body><table><tr><td><p>一、总体要求</p><table border=1><tr><td>指标</td>"
            "<td>2025年</td></tr><tr><td>企业数</td><td>10</td></tr></table></td></tr></table>"
            "</body></html>")
    path = tmp_path / "layout.html"
    path.write_text(page, encoding="utf-8")
    doc = read_document(path)
    assert [b.kind for b in doc.blocks] == ["heading", "table"]
    assert doc.blocks[1].rows == (("指标", "2025年"), ("企业数", "10"))
