//! Chinese labels for the record format's field names, shown beside field paths in messages.
//!
//! In: a field path such as `self_evaluation.goals[0].indicators[3].score`. Out: the Chinese
//! label of its last named segment (`得分`), when there is one.

/// The Chinese label for the last named segment of a field path.
pub(crate) fn field_label(path: &str) -> Option<&'static str> {
    let last = path
        .rsplit('.')
        .map(|seg| seg.split('[').next().unwrap_or(seg))
        .find(|seg| !seg.is_empty())?;
    // `value` is also a 情况说明 figure's value: only an indicator's is the 指标值 column.
    if last == "value" && path.contains("indicators[") {
        return Some("指标值");
    }
    if path.contains("_table.")
        && let Some(zh) = table_column(last, path.contains("income_table."))
    {
        return Some(zh);
    }
    if path.starts_with("final_accounts.")
        && let Some(zh) = accounts_figure(last)
    {
        return Some(zh);
    }
    let zh = match last {
        "year" => "年度",
        "amount_unit" => "金额单位",
        "template" => "评分模板",
        "self_evaluation" => "部门整体支出绩效自评表",
        "projects" => "项目支出绩效自评表",
        "final_accounts" => "部门决算",
        "targets" => "绩效目标申报表",
        "execution" => "预算执行情况",
        "budget" => "预算数",
        "initial_budget" => "年初预算数",
        "parts" => "其中",
        "reason" => "原因",
        "actual" => "执行数/实际完成值",
        "rate" => "执行率",
        "score" => "得分",
        "weight" => "分值",
        "goals" => "年度绩效目标",
        "indicators" => "绩效指标",
        "level1" => "一级指标",
        "level2" => "二级指标",
        "name" => "名称",
        "target" => "年初目标值",
        "reported_total" => "总分",
        "overall_goal" => "项目绩效总目标",
        "basic_expenditure" => "基本支出总额",
        "project_expenditure" => "项目支出总额",
        "direction" => "指标方向",
        "kind" => "指标类型",
        "status" => "完成情况",
        "nature" => "指标性质",
        "unit" => "度量单位",
        "definition" => "指标解释",
        "criteria" => "评分标准",
        "total_weight" => "合计分值",
        "reported_grade" => "评价等级",
        "income" => "收入",
        "expenditure" => "支出",
        "lines" => "功能分类科目",
        "code" => "科目编码",
        "three_public" => "“三公”经费",
        "operating_costs" => "机关运行经费",
        "procurement" => "政府采购",
        "assets" => "国有资产占用",
        "contact" => "填报人",
        "label" => "称呼",
        "not_printed" => "原文未印出",
        "incomplete" => "原文不全",
        "at" => "中断处",
        "block" => "中断所在部分",
        "id" => "编号",
        "amount" => "金额",
        "report" => "绩效自评报告",
        "statements" => "报告所述金额",
        "counts" => "报告所述个数",
        "subject" => "所述单位",
        "project_funds" => "项目资金",
        "annual" => "当年金额",
        "edition" => "公开格式",
        "by_class" => "按类的支出",
        "income_table" => "收入决算表",
        "expenditure_table" => "支出决算表",
        "general_budget_table" => "一般公共预算财政拨款支出决算表",
        "gov_fund_table" => "政府性基金预算财政拨款收入支出决算表",
        "state_capital_table" => "国有资本经营预算财政拨款收入支出决算表",
        _ => return None,
    };
    Some(zh)
}

/// The label of a column or block of a 科目 table (issue 17); `income` tells 经营收入 from
/// 经营支出.
fn table_column(key: &str, income: bool) -> Option<&'static str> {
    Some(match key {
        "total" => "合计",
        "rows" => "科目行",
        "statement" => "无数据说明",
        "fiscal" => "财政拨款收入",
        "superior_subsidy" => "上级补助收入",
        "business" => "事业收入",
        "operating" if income => "经营收入",
        "operating" => "经营支出",
        "affiliated" => "附属单位上缴收入",
        "other" => "其他收入",
        "basic" => "基本支出",
        "project" => "项目支出",
        "to_superior" => "上缴上级支出",
        "to_affiliated" => "对附属单位补助支出",
        "opening" => "年初结转和结余",
        "income" => "本年收入",
        "closing" => "年末结转和结余",
        _ => return None,
    })
}

/// The label of a figure of the 决算 (issue 18: a draft's 待填 names each one).
fn accounts_figure(key: &str) -> Option<&'static str> {
    Some(match key {
        "actual" => "决算数",
        "budget" => "年初预算数",
        "general_budget" => "一般公共预算财政拨款",
        "gov_fund" => "政府性基金预算财政拨款",
        "state_capital" => "国有资本经营预算财政拨款",
        "superior_subsidy" => "上级补助收入",
        "business" => "事业收入",
        "affiliated" => "附属单位上缴收入",
        "other" => "其他收入",
        "total" => "合计",
        "grand_total" => "总计",
        "basic" => "基本支出",
        "project" => "项目支出",
        "to_superior" => "上缴上级支出",
        "to_affiliated" => "对附属单位补助支出",
        "non_fiscal_balance_used" => "使用非财政拨款结余",
        "opening_balance" => "年初结转和结余",
        "closing_balance" => "年末结转和结余",
        "surplus_distribution" => "结余分配",
        "stated_completion" => "完成年初预算的%",
        "share" => "占比",
        "change" => "比上年变动额",
        "change_rate" => "比上年变动率",
        "value" => "所述金额",
        "personnel" => "人员经费",
        "public" => "公用经费",
        "goods" => "货物",
        "works" => "工程",
        "services" => "服务",
        _ => return None,
    })
}
