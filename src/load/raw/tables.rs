//! The file format of the 决算 tables typed cell by cell (issue 17): the 科目 tables (收入决算表,
//! 支出决算表, 一般公共预算财政拨款支出决算表 and the two fund tables), the 类 rows of the two 总表
//! and their fund columns. Mirrored one to one, as the rest of `raw`: nothing derived here; which
//! columns a table may hold is checked by `load::validate::tables`.

use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

use crate::model::amount::{self, Amount};
use crate::model::money::Dec;

/// One amount where a map value or list item holds it (`一般公共服务支出: 2,106.66`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct RawAmount(pub Dec);

impl<'de> Deserialize<'de> for RawAmount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        amount::de(d).map(RawAmount)
    }
}

impl JsonSchema for RawAmount {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        Amount::schema_name()
    }

    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        Amount::json_schema(g)
    }
}

/// 类 rows of a 总表 by name as printed, without the ordinal (`一、`).
pub type RawByClass = BTreeMap<String, RawAmount>;

/// The fund columns of a row of 财政拨款收入支出决算总表.
#[derive(Debug, Default, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFundColumns {
    /// 合计 (expenditure side only).
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub total: Option<Dec>,
    /// 一般公共预算财政拨款.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub general_budget: Option<Dec>,
    /// 政府性基金预算财政拨款.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub gov_fund: Option<Dec>,
    /// 国有资本经营预算财政拨款.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub state_capital: Option<Dec>,
}

/// A 科目 table: its 合计 row, its 类/款/项 rows in printed order, and the sentence a table
/// without data prints.
#[derive(Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawLineTable {
    /// The 合计 row.
    #[serde(default)]
    pub total: Option<RawLineRow>,
    /// The 类/款/项 rows, in printed order.
    #[serde(default)]
    pub rows: Vec<RawLineRow>,
    /// "…无…，故本表无数据。" as printed, without the leading `注：`.
    #[serde(default)]
    pub statement: Option<String>,
}

/// A row of a 科目 table. `code` and `name` are left out on the 合计 row; which money columns a
/// table has is checked by the loader (收入决算表 has no 基本支出).
#[derive(Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawLineRow {
    /// 科目编码: 3 digits (类), 5 (款) or 7 (项).
    #[serde(default)]
    #[schemars(regex(pattern = r"^([0-9]{3}|[0-9]{5}|[0-9]{7})$"), example = &"2010601")]
    pub code: Option<String>,
    /// 科目名称 as printed.
    #[serde(default)]
    pub name: Option<String>,
    /// 本年收入合计 / 本年支出合计 / 合计 / 本年支出小计.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub total: Option<Dec>,
    /// 财政拨款收入.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub fiscal: Option<Dec>,
    /// 上级补助收入.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub superior_subsidy: Option<Dec>,
    /// 事业收入.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub business: Option<Dec>,
    /// 经营收入 (收入决算表) or 经营支出 (支出决算表).
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub operating: Option<Dec>,
    /// 附属单位上缴收入.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub affiliated: Option<Dec>,
    /// 其他收入.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub other: Option<Dec>,
    /// 基本支出.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub basic: Option<Dec>,
    /// 项目支出.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub project: Option<Dec>,
    /// 上缴上级支出.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub to_superior: Option<Dec>,
    /// 对附属单位补助支出.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub to_affiliated: Option<Dec>,
    /// 年初结转和结余.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub opening: Option<Dec>,
    /// 本年收入.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub income: Option<Dec>,
    /// 年末结转和结余.
    #[serde(default, deserialize_with = "amount::opt")]
    #[schemars(with = "Option<Amount>")]
    pub closing: Option<Dec>,
}

impl fmt::Display for RawLineRow {
    /// `201 一般公共服务支出`, or `合计`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.code, &self.name) {
            (Some(c), Some(n)) => write!(f, "{c} {n}"),
            (Some(c), None) => f.write_str(c),
            (None, Some(n)) => f.write_str(n),
            (None, None) => f.write_str("合计"),
        }
    }
}
