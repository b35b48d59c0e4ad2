"""The region catalogue: every division of China with its parents and 区划代码, former names too."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from planwatch.catalog import regions
from planwatch.extract.jurisdiction import resolve
from planwatch.extract.meta import extract_meta
from planwatch.parse.registry import read_document
from tests.helpers import ROOT


def _counts() -> dict[str, int]:
    out: dict[str, int] = {}
    path = ROOT / "src" / "planwatch" / "catalog" / "regions.tsv"
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        key = ("former" if len(cols) > 3 else "province" if len(cols) == 2
               else "city" if cols[0].endswith("00") else "county")
        out[key] = out.get(key, 0) + 1
    return out


def test_catalogue_holds_every_division() -> None:
    counts = _counts()
    assert counts["province"] == 34  # 31 in the statistical code + 台湾省, 香港, 澳门
    assert 330 <= counts["city"] <= 340
    assert counts["county"] >= 2800  # ~2,850 county-level divisions (2023)
    assert counts["former"] >= 150  # names changed since 2015


def test_county_level_city_with_parents_and_code() -> None:
    [info] = regions.lookup("孝义市")
    assert (info.level, info.parent, info.province, info.code) == (
        "county", "吕梁市", "山西省", "141181")
    assert regions.by_code("141181") == info
    assert regions.by_code("141181000000") == info  # 12-digit statistical code
    [xiantao] = regions.lookup("仙桃市")  # 省直辖县级市: its parent is the province
    assert (xiantao.level, xiantao.parent, xiantao.province) == ("county", "湖北省", "湖北省")
    [haidian] = regions.lookup("海淀区")
    assert (haidian.level, haidian.parent, haidian.province) == ("district", "北京市", "北京市")


def test_code_of_needs_an_unambiguous_division() -> None:
    assert regions.code_of("芝罘区") == "370602"
    assert regions.code_of("朝阳区") is None
    assert regions.code_of("朝阳区", parent="北京市") == "110105"
    assert regions.code_of("鼓楼区", province="江苏省") is None
    assert regions.code_of("章丘市") == "370181"
    assert regions.code_of("某某县") is None


def test_former_names_resolve_and_name_their_successor() -> None:
    [zhangqiu] = regions.lookup("章丘市")  # 撤市设区 2016
    assert (zhangqiu.level, zhangqiu.parent, zhangqiu.former, zhangqiu.successor) == (
        "county", "济南市", True, "章丘区")
    [laiwu] = regions.lookup("莱芜市")  # prefecture merged into 济南市 in 2019
    assert (laiwu.level, laiwu.province, laiwu.former, laiwu.successor) == (
        "city", "山东省", True, "莱芜区")
    [laicheng] = regions.lookup("莱城区")
    assert (laicheng.parent, laicheng.former) == ("莱芜市", True)
    assert not regions.is_prefecture("莱城区")
    assert all(not r.former for r in regions.prefectures())
    assert regions.lookup("章丘区")[0].former is False


def test_resolve_picks_the_division_the_text_names() -> None:
    assert resolve("孝义市", "").parent == "吕梁市"
    chaoyang = resolve("朝阳区", "本规划依据《北京市“十四五”规划》")
    assert (chaoyang.parent, chaoyang.province) == ("北京市", "北京市")
    assert resolve("朝阳区", "长春市朝阳区").parent == "长春市"
    unsure = resolve("朝阳区", "")  # two 朝阳区, the text names neither: level only
    assert (unsure.level, unsure.parent, unsure.province) == ("district", None, None)
    gulou = resolve("鼓楼区", "江苏省")  # 南京 and 徐州 both in 江苏
    assert (gulou.parent, gulou.province) == (None, "江苏省")


def test_unknown_place_is_not_guessed() -> None:
    place = resolve("某某县", "各县（市）县级市")
    assert (place.level, place.parent, place.province) == (None, None, None)
    assert regions.leading_region("国家农业科技园区建设方案") is None
    assert regions.leading_region("各地级以上市人民政府") is None
    assert regions.leading_region("孝义市“十四五”科技创新规划") == "孝义市"


def test_county_level_city_meta(tmp_path: Path) -> None:
    doc = tmp_path / "plan.txt"
    doc.write_text("孝义市“十四五”科技创新规划\n\n一、发展基础\n全市研发投入持续增长。\n",
                   encoding="utf-8")
    meta = extract_meta(read_document(doc))
    assert (meta.region, meta.region_level, meta.parent_region, meta.province) == (
        "孝义市", "county", "吕梁市", "山西省")
    old = tmp_path / "old.txt"
    old.write_text("章丘市“十三五”科技创新规划\n\n一、发展基础\n", encoding="utf-8")
    meta = extract_meta(read_document(old))
    assert (meta.region_level, meta.parent_region, meta.province) == ("county", "济南市", "山东省")
    unknown = tmp_path / "unknown.txt"
    unknown.write_text("某某县“十四五”科技创新规划\n\n一、发展基础\n各县（市）\n", encoding="utf-8")
    meta = extract_meta(read_document(unknown))
    assert (meta.region_level, meta.parent_region, meta.province) == (None, None, None)


def test_catalogue_loads_lazily_and_fast() -> None:
    code = ("import time, planwatch.catalog.regions as r; t = time.perf_counter(); "
            "r.lookup('孝义市'); print(time.perf_counter() - t)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={"PYTHONPATH": str(ROOT / "src")})
    assert float(out.stdout) < 0.05
    start = time.perf_counter()
    for _ in range(1000):
        regions.lookup("芝罘区")
    assert time.perf_counter() - start < 0.05


def test_cities_without_counties_are_prefecture_level_with_their_province() -> None:
    for name, province in (("东莞市", "广东省"), ("中山市", "广东省"), ("儋州市", "海南省"),
                           ("嘉峪关市", "甘肃省")):
        assert resolve(name, "") == resolve(name, "广东 海南 甘肃")
        got = resolve(name, "")
        assert (got.level, got.parent, got.province) == ("city", province, province), name


def test_forest_and_special_districts_are_county_level() -> None:
    assert resolve("神农架林区", "").level == "county"
    assert (resolve("六枝特区", "").level, resolve("六枝特区", "").parent) == ("county", "六盘水市")
    assert resolve("浦东新区", "").level == "district"
