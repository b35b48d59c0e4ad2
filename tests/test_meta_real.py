"""Metadata of real-document shapes: national covers, 政策解读 pages, front matter, 纲要 approvals.

Each fixture is a few lines written for the test in the layout real portals print (a cover notice
wrapping the document, a signature run together with its date, a Markdown front matter block with
the repository's blockquote disclaimer); none is copied from a corpus document.
"""

from __future__ import annotations

from pathlib import Path

from planwatch.extract import jurisdiction
from planwatch.extract.meta import extract_meta_result
from planwatch.model.plan import Meta
from planwatch.parse.registry import read_document


def _meta(tmp_path: Path, text: str, suffix: str = ".txt") -> Meta:
    path = tmp_path / f"doc{suffix}"
    path.write_text(text, encoding="utf-8")
    return extract_meta_result(read_document(path)).meta


MINISTRY_COVER = """\
科技部 教育部印发《关于推进高校实验室开放共享的若干措施》的通知
国科发基〔2021〕77号
各省、自治区、直辖市科技厅（委、局），各有关单位：
为推进实验室开放共享，科技部、教育部制定了《关于推进高校实验室开放共享的若干措施》。现印发给你们，请结合实际认真贯彻落实。
科 技 部 教 育 部2021年6月3日
关于推进高校实验室开放共享的若干措施
一、到2023年，开放共享的实验室达到500个。
"""


def test_ministry_cover_is_national_with_the_wrapped_title(tmp_path: Path) -> None:
    meta = _meta(tmp_path, MINISTRY_COVER)
    assert meta.title == "关于推进高校实验室开放共享的若干措施"
    assert (meta.region, meta.region_level, meta.parent_region, meta.province) == (
        "全国", "national", None, None)
    assert (meta.issued, meta.doc_number) == ("2021-06-03", "国科发基〔2021〕77号")


STATE_COUNCIL = """\
国务院关于加快发展现代种业的意见
国发〔2022〕9号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
种业是农业的芯片。为加快发展现代种业，现提出以下意见。
一、总体要求
到2025年，种业自主创新能力明显增强。
国务院
2022年3月1日
"""


def test_state_council_opinion(tmp_path: Path) -> None:
    meta = _meta(tmp_path, STATE_COUNCIL)
    assert meta.title == "国务院关于加快发展现代种业的意见"
    assert (meta.region, meta.region_level) == ("全国", "national")
    assert (meta.issued, meta.doc_number) == ("2022-03-01", "国发〔2022〕9号")


RULES_EXPLAINED_CENTRALLY = """\
科研院所领导人员考核暂行办法
第一章 总 则
第一条 为加强科研院所领导人员考核，制定本办法。
第二条 本办法适用于科研院所领导班子成员。
第三十条 本办法由中央组织部、科技部负责解释。
第三十一条 本办法自2019年3月1日起施行。
"""


def test_rules_without_issuer_are_national_when_a_central_body_explains_them(
    tmp_path: Path,
) -> None:
    meta = _meta(tmp_path, RULES_EXPLAINED_CENTRALLY)
    assert (meta.region, meta.region_level, meta.issued, meta.doc_number) == (
        "全国", "national", None, None)


def test_a_provincial_body_explaining_keeps_the_region_unknown(tmp_path: Path) -> None:
    meta = _meta(tmp_path, RULES_EXPLAINED_CENTRALLY.replace("中央组织部、科技部", "省科技厅"))
    assert (meta.region, meta.region_level) == (None, None)


def test_a_national_law_is_national(tmp_path: Path) -> None:
    meta = _meta(tmp_path, "中华人民共和国种子法（2021年修正）\n第一章 总 则\n"
                           "第一条 为了保护和合理利用种质资源，制定本法。\n")
    assert (meta.title, meta.region, meta.region_level) == (
        "中华人民共和国种子法（2021年修正）", "全国", "national")


PROVINCE_COVER = """\
广东省人民政府关于印发贯彻落实国家《“十四五”种业规划》实施方案的通知
粤府〔2022〕12号
各地级以上市人民政府，省政府各部门：
现将《广东省贯彻落实国家〈“十四五”种业规划〉的实施方案》印发给你们，请认真贯彻执行。

广东省人民政府
2022年2月8日
"""


def test_nested_quotes_of_the_wrapped_title_are_its_own_title_marks(tmp_path: Path) -> None:
    meta = _meta(tmp_path, PROVINCE_COVER)
    assert meta.title == "广东省贯彻落实国家《“十四五”种业规划》的实施方案"
    assert (meta.region, meta.region_level, meta.doc_number) == (
        "广东省", "province", "粤府〔2022〕12号")


def test_department_cover_gives_its_province(tmp_path: Path) -> None:
    text = ("广东省科学技术厅关于修订印发《省级科技计划项目验收管理细则》的通知\n"
            "粤科规范字〔2023〕5号\n各有关单位：\n"
            "为规范项目验收，我厅修订了验收管理细则，请遵照执行。\n")
    meta = _meta(tmp_path, text)
    assert (meta.title, meta.region, meta.region_level) == (
        "省级科技计划项目验收管理细则", "广东省", "province")


def test_interpretation_label_and_the_joined_first_sentence_are_dropped(tmp_path: Path) -> None:
    text = ("政策解读：《广东省科技企业孵化载体管理办法》政策解读\n"
            "为规范孵化载体管理，省科技厅制定了管理办法，现解读如下。\n一、制定背景\n")
    assert _meta(tmp_path, text).title == "《广东省科技企业孵化载体管理办法》政策解读"


def test_interpretation_with_publication_note(tmp_path: Path) -> None:
    text = ("政策解读：广东省高层次人才认定工作政策解答\n\n（2018年6月1日首次发布）\n\n"
            "为推动人才认定工作顺利进行，省人才办就有关问题作出解答。\n"
            "一、哪些人才可以申请认定？\n答：符合条件的人才均可申请。\n")
    meta = _meta(tmp_path, text)
    assert meta.title == "广东省高层次人才认定工作政策解答"
    assert (meta.region, meta.issued) == ("广东省", "2018-06-01")


def test_interpretation_carrying_the_full_text_describes_that_text(tmp_path: Path) -> None:
    text = ("政策解读：《关于加强农村科技服务的实施意见》\n"
            "2019年5月6日，广东省人民政府办公厅印发了实施意见，相关内容解读如下：\n"
            "一、编制背景\n农村科技服务是一项基础工作。\n\n附件：\n"
            "广东省人民政府办公厅关于加强农村科技服务的实施意见\n粤府办〔2019〕8号\n"
            "各地级以上市人民政府，省政府各部门：\n为加强农村科技服务，提出以下意见。\n")
    meta = _meta(tmp_path, text)
    assert meta.title == "广东省人民政府办公厅关于加强农村科技服务的实施意见"
    assert (meta.doc_number, meta.region) == ("粤府办〔2019〕8号", "广东省")


FRONT_MATTER = """\
---
标题: 上海市某区人民政府办公室关于印发《静安区公园建设“十五五”规划》的通知
文号: 静府办发〔2026〕3号
发布单位: 上海市静安区人民政府办公室
发布日期: 2026-05-20
---

> 本文正文由脚本自官方公开页面提取，仅供检索查阅；以官方发布版本为准。
> 依《中华人民共和国著作权法》第五条第一项，具有立法、行政、司法性质的文件不适用著作权法。

# 上海市静安区人民政府办公室关于印发《静安区公园建设“十五五”规划》的通知

各委、办、局：

《静安区公园建设“十五五”规划》已经区政府同意，现印发给你们，请认真按照执行。

上海市静安区人民政府办公室

2026年5月18日

静安区公园建设“十五五”规划
"""


def test_front_matter_number_and_body_signature_date(tmp_path: Path) -> None:
    meta = _meta(tmp_path, FRONT_MATTER, ".md")
    assert meta.title == "静安区公园建设“十五五”规划"
    assert (meta.doc_number, meta.issued) == ("静府办发〔2026〕3号", "2026-05-18")
    assert (meta.region, meta.province) == ("静安区", "上海市")


def test_a_number_listed_in_the_body_is_not_the_front_matter_number(tmp_path: Path) -> None:
    text = ("科技部关于废止部分规范性文件的决定\n"
            "经研究，决定废止以下文件。\n"
            "1、科技成果登记办法 发文单位：国家科委 文 号：国科发成字〔1996〕12号 说明：已过时。\n")
    assert _meta(tmp_path, text).doc_number is None


OUTLINE_APPROVED = """\
# 静安区国民经济和社会发展第十五个五年规划纲要

静安区第十届人民代表大会第五次会议关于静安区国民经济和社会发展

第十五个五年规划纲要的决议

2026年1月20日静安区第十届人民代表大会第五次会议通过

会议审查了区人民政府提出的纲要草案，决定批准。

一、发展基础
"""


def test_outline_issue_date_is_its_approval(tmp_path: Path) -> None:
    meta = _meta(tmp_path, OUTLINE_APPROVED, ".md")
    assert meta.issued == "2026-01-20"


def test_a_cited_approval_inside_a_sentence_is_not_the_issue_date(tmp_path: Path) -> None:
    text = ("静安区公园建设“十五五”规划\n"
            "根据2026年1月20日静安区第十届人民代表大会第五次会议通过的规划纲要，制定本规划。\n")
    assert _meta(tmp_path, text).issued is None


def test_national_resolves_to_the_national_level() -> None:
    assert jurisdiction.resolve(jurisdiction.NATIONAL, "") == jurisdiction.Jurisdiction(
        "全国", "national", None, None)


def test_a_local_issuer_line_wins_over_a_later_central_one() -> None:
    lines = ["广东省人民政府", "国务院关于深化区域合作的指导意见"]
    assert jurisdiction.issuer(lines) == "广东省"
    assert jurisdiction.issuer(lines[1:]) == "全国"
    assert jurisdiction.issuer(["国务院高度重视科技创新，作出了部署。"]) is None


def test_a_central_body_with_a_provincial_branch_is_not_national() -> None:
    assert jurisdiction.issuer(["海关总署广东分署 国家税务总局广东省税务局"]) is None
    assert jurisdiction.issuer(["中华人民共和国科学技术部令"]) == "全国"


def test_signature_with_a_seal_note_run_together_with_the_next_title(tmp_path: Path) -> None:
    text = ("关于加强科研诚信建设的通知\n各有关单位：\n现就加强科研诚信建设通知如下。\n"
            "部际联席会议办公室（科技部代章）2020年4月2日科研诚信建设工作方案\n"
            "一、总体要求\n")
    assert _meta(tmp_path, text).issued == "2020-04-02"


def test_dated_list_header(tmp_path: Path) -> None:
    text = ("广东省科学技术厅2024年普法责任清单\n单位：广东省科学技术厅 时间：2024年1月8日\n"
            "序号\t普法内容\t普法对象\n1\t科技进步法\t企业\n")
    meta = _meta(tmp_path, text)
    assert (meta.title, meta.issued, meta.region) == (
        "广东省科学技术厅2024年普法责任清单", "2024-01-08", "广东省")


def test_an_application_window_is_not_an_issue_date(tmp_path: Path) -> None:
    text = "关于组织申报项目的通知\n单位：省科技厅 时间：2024年1月8日至2月8日\n请按时申报。\n"
    assert _meta(tmp_path, text).issued is None


def test_news_headline_names_the_issued_document(tmp_path: Path) -> None:
    text = ("国务院办公厅印发《关于推动县域科技创新的若干意见》\n"
            "近日，国务院办公厅印发《关于推动县域科技创新的若干意见》，部署推动县域创新工作。\n")
    meta = _meta(tmp_path, text)
    assert (meta.title, meta.region) == ("关于推动县域科技创新的若干意见", "全国")


def test_a_cover_issuing_several_documents_keeps_the_notice_subject(tmp_path: Path) -> None:
    text = ("广东省人民政府办公厅关于印发广东省行政检查公示办法等行政检查工作制度的通知\n"
            "粤府办〔2022〕5号\n各地级以上市人民政府：\n"
            "《广东省行政检查公示办法》《广东省行政检查记录办法》已经省人民政府同意，现印发给你们。\n")
    assert _meta(tmp_path, text).title == "广东省行政检查公示办法等行政检查工作制度"


def test_an_interpretation_speaking_of_its_province_gets_that_province(tmp_path: Path) -> None:
    text = ("政策解读：《关于加强科技伦理治理的实施方案》解读\n"
            "为完善广东省科技伦理治理体制机制，省政府办公厅印发了实施方案，解读如下。\n"
            "一、背景\n我省科技伦理治理起步较早，广东已建立伦理委员会。\n"
            "二、主要内容\n广东省将健全制度，全省高校和科研机构设立伦理委员会。\n")
    meta = _meta(tmp_path, text)
    assert (meta.region, meta.region_level) == ("广东省", "province")


def test_a_province_named_without_speaking_as_it_stays_unknown(tmp_path: Path) -> None:
    text = ("关于科技伦理治理的若干措施\n"
            "广东省、浙江省、江苏省的经验表明，伦理审查要前移。广东省的做法值得借鉴。\n"
            "广东省、浙江省还建立了伦理委员会。\n")
    assert _meta(tmp_path, text).region is None


def test_front_matter_title_when_the_body_prints_none(tmp_path: Path) -> None:
    text = ("---\n标题: 嘉定区体育发展“十五五”规划\n"
            "文号: 嘉府发〔2026〕4号\n---\n\n"
            "> 本文正文由脚本自官方公开页面提取，仅供检索查阅。\n\n"
            "“十五五”时期是体育强区建设的关键时期，特制定本规划。\n")
    meta = _meta(tmp_path, text, ".md")
    assert (meta.title, meta.doc_number) == ("嘉定区体育发展“十五五”规划", "嘉府发〔2026〕4号")
    assert (meta.region, meta.region_level, meta.province) == ("嘉定区", "district", "上海市")


def test_decree_signed_by_its_head(tmp_path: Path) -> None:
    text = ("国务院关于修改部分行政法规的决定\n中华人民共和国国务院令\n第　700　号\n"
            "《国务院关于修改部分行政法规的决定》已经国务院常务会议通过，现予公布，自公布之日起施行。"
            "总 理 李克强2018年3月19日\n国务院关于修改部分行政法规的决定\n一、修改某条例。\n")
    meta = _meta(tmp_path, text)
    assert (meta.issued, meta.region) == ("2018-03-19", "全国")


def test_cover_naming_the_document_by_its_short_name(tmp_path: Path) -> None:
    full = "广东省科学技术厅关于省级技术创新中心管理办法（试行）"
    text = (f"广东省科学技术厅关于印发《{full}》的通知\n粤科规范字〔2020〕3号\n各有关单位：\n"
            f"我厅制定了《{full}》（以下简称《办法（试行）》）。"
            "现将《办法（试行）》印发给你们，请认真执行。\n")
    assert _meta(tmp_path, text).title == full


def test_long_notice_that_is_the_document_itself(tmp_path: Path) -> None:
    title = ("广东省科学技术厅 广东省财政厅关于延长《广东省科学技术厅 广东省财政厅关于港澳高校"
             "和科研机构参与广东省财政科技计划（专项、基金等）组织实施的若干规定》有效期的通知")
    body = "\n粤科规范字〔2024〕3号\n各有关单位：\n经研究，决定延长有效期。\n"
    meta = _meta(tmp_path, title + body)
    assert meta.title == "".join(title.split())
    assert meta.region == "广东省"


def test_a_title_opening_with_a_place_outside_the_issuer_keeps_the_issuer(tmp_path: Path) -> None:
    text = ("广东省科学技术厅 广东省财政厅关于修订印发香港特别行政区、澳门特别行政区高等院校参与"
            "广东省财政科技计划组织实施的若干规定的通知\n粤科规范字〔2021〕9号\n各有关单位：\n"
            "现将修订后的规定印发给你们，请遵照执行。\n")
    meta = _meta(tmp_path, text)
    assert meta.title == ("香港特别行政区、澳门特别行政区高等院校参与广东省财政科技计划组织实施的"
                          "若干规定")
    assert (meta.region, meta.region_level) == ("广东省", "province")


def test_a_consultation_notice_is_titled_by_the_draft_it_asks_about(tmp_path: Path) -> None:
    """关于公开征求《X条例（征求意见稿）》意见的公告: the page carries the draft X; a rules
    document, marked as a draft."""
    meta = _meta(tmp_path, "某省发展改革委关于公开征求《某省低空经济发展条例（征求意见稿）》"
                 "意见的公告\n某省低空经济发展条例\n（征求意见稿）\n第一章 总 则\n"
                 "第一条 为促进低空经济产业发展，制定本条例。\n")
    assert (meta.title, meta.doc_type, meta.draft) == ("某省低空经济发展条例", "regulation", True)


def test_a_later_stage_without_a_number_is_the_horizon(tmp_path: Path) -> None:
    """到2025年，…（with numbers）‖ 到2030年，…基本建成…: the opinion runs to 2030; a number
    printed after the title is no part of it; 到2035年 (the national vision) is no horizon."""
    text = ("## 关于加强车网融合互动的实施意见(发改能源〔2023〕1721号)\n\n"
            "各省、自治区、直辖市发展改革委：\n\n"
            "到2025年，试点城市全年充电电量60%以上集中在低谷时段。\n\n"
            "到2030年，车网互动技术标准体系基本建成，车网互动实现规模化应用。\n\n"
            "国家发展改革委\n\n2023年12月13日\n")
    meta = _meta(tmp_path, text, ".md")
    assert (meta.title, meta.period_start, meta.period_end) == (
        "关于加强车网融合互动的实施意见", 2023, 2030)
    meta = _meta(tmp_path, text.replace("到2030年", "到2035年"), ".md")
    assert meta.period_end == 2025


def test_a_programme_for_the_year_its_title_brackets(tmp_path: Path) -> None:
    meta = _meta(tmp_path, "某市交通领域持续优化营商环境行动方案（2026年）\n"
                 "为持续优化营商环境，制定本方案。\n一、主要任务\n（一）优化审批服务。\n"
                 "某市交通委员会\n2026年4月15日\n")
    assert (meta.period_start, meta.period_end) == (2026, 2026)


def test_rules_that_start_on_a_day_for_a_term(tmp_path: Path) -> None:
    meta = _meta(tmp_path, "某省加强未成年人教育管理办法\n第一条 为加强管理，制定本办法。\n"
                 "第十七条 本办法自2026年5月30日开始施行，有效期5年。\n")
    assert (meta.doc_type, meta.period_start, meta.period_end) == ("regulation", 2026, 2031)
