//! The file format of a 绩效自评报告's text (`report`) and of a 项目支出绩效目标表's header and
//! funds (`targets.project`, `targets.project_funds`), issue 16. Mirrored one to one, as the
//! rest of `raw`: nothing derived here.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::amount::{self, Amount};
use crate::model::money::{Dec, Pct};

/// 绩效自评报告: a text report (a 转移支付 自评报告, say) whose sentences state amounts and
/// their parts, counts and the items they count.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawReport {
    /// The report's title as printed.
    #[serde(default)]
    pub title: Option<String>,
    /// Amounts the text states, each with the parts it lists.
    #[serde(default)]
    pub statements: Vec<RawStatement>,
    /// Counts the text states ("资金共分为10个项目"), each with what it goes on to list.
    #[serde(default)]
    pub counts: Vec<RawCountStatement>,
}

/// One sentence stating an amount ("下达…755.19万元") and, where it lists them, its parts
/// ("其中：中央级…124.23万元，省级…370.83万元").
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawStatement {
    /// Where the sentence stands (`一、（二）`), as the report numbers it.
    #[serde(default)]
    pub at: Option<String>,
    /// The unit the sentence names as its subject, as printed.
    #[serde(default)]
    pub subject: Option<String>,
    /// What the amount is (`上级资金转移支付`), as printed.
    pub name: String,
    /// The amount.
    #[serde(deserialize_with = "amount::de")]
    #[schemars(with = "Amount")]
    pub amount: Dec,
    /// The parts the sentence lists, in its order.
    #[serde(default)]
    pub parts: Vec<RawPart>,
    /// The list of parts ends in 等 (it need not be complete).
    #[serde(default)]
    pub open: bool,
}

/// A named part of a stated amount.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPart {
    pub name: String,
    #[serde(deserialize_with = "amount::de")]
    #[schemars(with = "Amount")]
    pub amount: Dec,
}

/// A count the text states and the items it lists.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCountStatement {
    /// Where the sentence stands.
    #[serde(default)]
    pub at: Option<String>,
    /// What is counted (`项目`).
    pub name: String,
    /// The count stated ("10个项目" → `10`).
    pub count: Dec,
    /// The items the text lists (a group "其中3个项目" counts 3; a named item counts 1).
    #[serde(default)]
    pub items: Vec<RawCountItem>,
    /// The list ends in 等 (it need not be complete).
    #[serde(default)]
    pub open: bool,
}

/// An item (or a group of items) a count lists.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCountItem {
    pub name: String,
    /// How many items the entry stands for ("3个项目"); 1 when left out.
    #[serde(default)]
    pub count: Option<Dec>,
    /// A rate the text gives for it (资金执行 99.97%).
    #[serde(default)]
    pub rate: Option<Pct>,
}

/// The header of a 项目支出绩效目标表.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTargetsProject {
    /// 项目名称.
    pub name: String,
    /// 主管部门及编码, as printed (`[015001]武汉市青山区教育局`).
    #[serde(default)]
    pub department: Option<String>,
    /// 实施单位.
    #[serde(default)]
    pub implementer: Option<String>,
    /// 项目属性.
    #[serde(default)]
    pub attribute: Option<String>,
    /// 项目起止时间, as printed (`202001-202012`).
    #[serde(default)]
    pub period: Option<String>,
}

/// One row of a 项目支出绩效目标表's 项目资金 block: the amount over the project's whole
/// period (资金总额 column) and the year's (当年 column).
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawProjectFund {
    /// The row's label as printed (`资金总额`, `其中：财政拨款`, `其他资金`).
    pub name: String,
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub total: Option<Dec>,
    /// The 当年 column's label as printed (`当年资金总额`, `其中：当年财政拨款`).
    #[serde(default)]
    pub annual_name: Option<String>,
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub annual: Option<Dec>,
}
