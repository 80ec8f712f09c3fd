//! Rules of the tagger a reader of its output relies on, on short articles
//! the project wrote.

#![cfg(feature = "embedded-data")]

use agrivn::segment::Segmenter;
use agrivn::tag::{TagOptions, Tagger, Taxonomy};

const TITLE: &str = "Bão số 9 gây mưa lớn ở miền Trung";
const STORM: &str = "Cơn bão số 9 đổ bộ vào miền Trung gây mưa lớn và lũ lụt. Nhiều tuyến \
     đường bị ngập, nước lũ dâng cao. Ban chỉ huy phòng chống thiên tai ra công điện khẩn. \
     Người dân được sơ tán khỏi vùng nguy hiểm. Cơn bão gây thiệt hại nặng về nhà cửa.";
const FARM_DAMAGE: &str = "Hàng nghìn ha lúa bị ngập úng, nông dân mất trắng vụ mùa. Nhiều ao \
     nuôi tôm, cá bị cuốn trôi, đàn lợn và gia cầm bị chết.";

#[test]
fn a_storm_is_agricultural_news_only_when_it_hits_farming() {
    let tagger = Tagger::new();
    let storm = tagger.tag(TITLE, STORM);
    assert!(!storm.agri, "{storm:?}");
    assert!(storm.topics.is_empty());
    let farm = tagger.tag(TITLE, &format!("{STORM} {FARM_DAMAGE}"));
    assert!(farm.agri, "{farm:?}");
    assert!(farm.topics.iter().any(|t| t.id == "disasters"), "{farm:?}");
}

#[test]
fn supporting_topics_add_relevance_only_next_to_agricultural_evidence() {
    let storm = Tagger::new().tag(TITLE, STORM);
    assert_eq!(storm.agri_score, 0.0);
    // Counted as a topic like any other, the storm words do add relevance.
    let options = TagOptions {
        supporting_below: 0.0,
        ..TagOptions::default()
    };
    let all_core = Tagger::with_taxonomy(Taxonomy::embedded(), Segmenter::new(), options);
    assert!(all_core.tag(TITLE, STORM).agri_score > 0.0);
}
