//! Rules of the tagger a reader of its output relies on, on short articles
//! the project wrote.

#![cfg(feature = "embedded-data")]

use agrivn::normalize::{Normalizer, strip_diacritics};
use agrivn::segment::Segmenter;
use agrivn::tag::{TagOptions, Tagger, Taxonomy};

const TITLE: &str = "Bão số 9 gây mưa lớn ở miền Trung";
const STORM: &str = "Cơn bão số 9 đổ bộ vào miền Trung gây mưa lớn và lũ lụt. Nhiều tuyến \
     đường bị ngập, nước lũ dâng cao. Ban chỉ huy phòng chống thiên tai ra công điện khẩn. \
     Người dân được sơ tán khỏi vùng nguy hiểm. Cơn bão gây thiệt hại nặng về nhà cửa.";
const FARM_DAMAGE: &str = "Hàng nghìn ha lúa bị ngập úng, nông dân mất trắng vụ mùa. Nhiều ao \
     nuôi tôm, cá bị cuốn trôi, đàn lợn và gia cầm bị chết.";

/// A tagger that calls every article agricultural and gives every topic
/// it finds any evidence of, so that a test sees the evidence itself.
fn every_topic_tagger() -> Tagger {
    let options = TagOptions {
        topic_threshold: 0.01,
        relative_threshold: 0.0,
        agri_threshold: Some(-1000.0),
        ..TagOptions::default()
    };
    Tagger::with_taxonomy(Taxonomy::embedded(), Segmenter::new(), options)
}

/// The words of `text` (the article's text field) given as evidence, of
/// `topic` or of any topic.
fn evidence_in(tags: &agrivn::tag::Tags, text: &str, topic: Option<&str>) -> Vec<String> {
    tags.topics
        .iter()
        .filter(|t| topic.is_none_or(|id| t.id == id))
        .flat_map(|t| {
            t.evidence
                .iter()
                .map(|e| text[e.span.start..e.span.end].to_string())
        })
        .collect()
}

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

#[test]
fn storms_and_floods_show_the_topic_but_not_that_a_story_is_agricultural() {
    // Even counted as a topic like any other, storm, flood and landslide
    // words add nothing to the relevance: they strike towns as much as farms.
    // (The relevance threshold is off so that the topic itself shows.)
    let options = TagOptions {
        supporting_below: 0.0,
        agri_threshold: Some(-1000.0),
        ..TagOptions::default()
    };
    let all_core = Tagger::with_taxonomy(Taxonomy::embedded(), Segmenter::new(), options);
    let storm = all_core.tag(
        "Siêu bão đổ bộ Philippines",
        "Siêu bão gây mưa lớn, lũ lụt và sạt lở đất. Cơ quan dự báo thời tiết cảnh báo gió giật, sóng lớn.",
    );
    assert_eq!(storm.agri_score, 0.0, "{storm:?}");
    assert_eq!(topic_ids(&storm), ["disasters"]);
    // Drought and salt water strike farming by nature: they still count.
    let drought = all_core.tag(
        "Hạn hán kéo dài ở miền Tây",
        "Hạn hán và xâm nhập mặn lấn sâu, độ mặn trên các sông vượt ngưỡng.",
    );
    assert!(drought.agri_score > 0.0, "{drought:?}");
}

#[test]
fn a_product_name_is_crop_evidence_only_where_it_is_grown() {
    let tagger = Tagger::new();
    let brand = "Gạo ST25 được đăng ký bảo hộ thương hiệu tại Mỹ. Doanh nghiệp xuất khẩu \
         gạo ST25 lo ngại mất thương hiệu. Cục Sở hữu trí tuệ hướng dẫn đăng ký bảo hộ \
         cho gạo ST25. Nông dân và doanh nghiệp cần bảo vệ thương hiệu gạo ST25.";
    let tags = tagger.tag("Gạo ST25 bị đăng ký thương hiệu ở Mỹ", brand);
    assert!(tags.agri, "{tags:?}");
    assert!(!tags.topics.iter().any(|t| t.id == "crops"), "{tags:?}");
    let grown = "Nông dân trồng lúa ST25 trên cánh đồng lớn. Vụ này lúa ST25 cho năng suất \
         cao, nông dân thu hoạch lúa ST25 sớm. Giống lúa ST25 được chăm sóc theo quy trình.";
    let tags = tagger.tag("Nông dân trồng lúa ST25 được mùa", grown);
    let crops = tags.topics.iter().find(|t| t.id == "crops").expect("crops");
    assert!(crops.evidence.iter().any(|e| e.phrase == "ST25"), "{tags:?}");
}

#[test]
fn a_sector_list_is_farming_but_not_fisheries() {
    let tagger = Tagger::new();
    let listed = "Hội nghị kết nối tiêu thụ nông, lâm, thủy sản giữa Hà Nội và các tỉnh thu hút \
         nhiều doanh nghiệp. Nông dân các tỉnh giới thiệu nông sản của địa phương.";
    let tags = tagger.tag(
        "Hà Nội kết nối giao thương nông, lâm, thủy sản với các tỉnh",
        listed,
    );
    assert!(tags.agri, "{tags:?}");
    assert!(!tags.topics.iter().any(|t| t.id == "fisheries"), "{tags:?}");
    let fishing = "Ngư dân ra khơi đánh bắt thủy sản. Sản lượng thủy sản khai thác tăng, \
         tàu cá cập cảng cá đầy ắp hải sản.";
    let tags = tagger.tag("Ngư dân trúng mùa thủy sản", fishing);
    assert!(tags.topics.iter().any(|t| t.id == "fisheries"), "{tags:?}");
}

#[test]
fn a_forest_in_the_scenery_is_not_forestry() {
    let tagger = Tagger::new();
    let scenery = "Con đường xuyên rừng dẫn du khách tới trang trại của anh Hùng. Rừng già bao \
         quanh vườn cà phê, tiếng chim vang khắp rừng. Anh Hùng trồng cà phê, nuôi bò sữa và \
         mở homestay đón khách. Mỗi năm trang trại thu hoạch 20 tấn cà phê, cho thu nhập ổn định.";
    let tags = tagger.tag("Nông dân làm du lịch bên rừng", scenery);
    assert!(tags.agri, "{tags:?}");
    assert!(!tags.topics.iter().any(|t| t.id == "forestry"), "{tags:?}");
    let managed = "Huyện đã giao rừng cho các hộ dân quản lý và bảo vệ. Diện tích rừng trồng \
         tăng thêm 500 ha, lực lượng kiểm lâm tuần tra chống phá rừng.";
    let tags = tagger.tag("Giao rừng cho dân bảo vệ", managed);
    assert!(tags.topics.iter().any(|t| t.id == "forestry"), "{tags:?}");
}

#[test]
fn without_diacritics_common_words_are_not_read_as_farm_words() {
    use agrivn::normalize::strip_diacritics;
    let tagger = Tagger::new();
    // Once the marks are gone, "trong" (in) is "trồng" (to grow), "lửa"
    // (fire) is "lúa" (rice), "bao" (how many) is "bão" (storm) and "gặp"
    // (to meet) is "GAP".
    let fire = "Ngọn lửa bùng lên trong đêm tại một kho hàng trong khu dân cư. Lính cứu hỏa \
         dập lửa trong hơn hai giờ. Trong lúc chữa cháy, lực lượng chức năng gặp nhiều khó \
         khăn vì lửa lan nhanh trong gió. Bao nhiêu tài sản bị thiêu rụi trong đám cháy vẫn \
         đang được thống kê. Người dân trong khu vực cho biết lửa bốc cao trong nhiều giờ và \
         khói lan trong cả khu phố. Trong sáng nay, cơ quan chức năng điều tra nguyên nhân.";
    let title = "Cháy lớn trong đêm, lửa thiêu rụi kho hàng";
    let folded = tagger.tag(&strip_diacritics(title), &strip_diacritics(fire));
    assert!(!folded.agri, "{folded:?}");
    assert!(folded.topics.is_empty(), "{folded:?}");
    // A farm story written without diacritics is still one.
    let farm = "Hợp tác xã nông nghiệp Tân Phú liên kết với doanh nghiệp bao tiêu sản phẩm \
         cho xã viên. Giá lúa tăng 500 đồng/kg, thương lái thu mua lúa tại ruộng. Hợp tác \
         xã hỗ trợ nông dân giống lúa chất lượng cao và phân bón.";
    let title = "Giá lúa tăng, hợp tác xã giúp nông dân bán lúa";
    let accented = tagger.tag(title, farm);
    let folded = tagger.tag(&strip_diacritics(title), &strip_diacritics(farm));
    assert!(accented.agri && folded.agri, "{folded:?}");
    let ids = |tags: &agrivn::tag::Tags| tags.topics.iter().map(|t| t.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&accented), ["cooperatives", "prices"]);
    assert_eq!(ids(&folded), ids(&accented));
}

#[test]
fn without_diacritics_words_news_hardly_means_otherwise_count_as_written() {
    // "ngu dan" could be "ngu đần" (dull-witted), "tieu thu" "tiểu thư" (a
    // young lady); in news they are fishermen and sales.
    let every = every_topic_tagger();
    let text = strip_diacritics(
        "Hàng trăm ngư dân vừa trở về sau chuyến đi dài ngày. Thương lái thu mua hết \
         cá, đầu ra và tiêu thụ thuận lợi.",
    );
    let tags = every.tag("", &text);
    let fisheries = evidence_in(&tags, &text, Some("fisheries"));
    assert!(fisheries.contains(&"ngu dan".to_string()), "{tags:?}");
    let prices = evidence_in(&tags, &text, Some("prices"));
    assert!(prices.contains(&"tieu thu".to_string()), "{tags:?}");
}

#[test]
fn a_title_without_diacritics_over_a_text_with_them_still_counts() {
    let tagger = Tagger::new();
    let title = "Gia lua tang manh, thuong lai do xo ve dong bang thu mua";
    let text = "Giá lúa hôm nay tăng 500 đồng/kg so với tuần trước. Nông dân phấn khởi vì được giá. \
         Các hộ trồng lúa ở đồng bằng sông Cửu Long đang thu hoạch vụ đông xuân.";
    let tags = tagger.tag(title, text);
    let prices = tags.topics.iter().find(|t| t.id == "prices").expect("prices");
    assert!(
        prices
            .evidence
            .iter()
            .any(|e| e.field == agrivn::tag::Field::Title && &title[e.span.start..e.span.end] == "Gia lua"),
        "{tags:?}"
    );
}

#[test]
fn without_diacritics_a_neighbour_can_settle_an_ambiguous_word() {
    // "trong" alone is "in"; after "vung" it can only be "vùng trồng" (a
    // growing area), the one dictionary word spelled "vung trong".
    let tagger = every_topic_tagger();
    let evidence = |text: &str| evidence_in(&tagger.tag("", text), text, None);
    let settled = evidence("Cac vung trong dang bi thu hep vi do thi hoa trong nam nay.");
    assert_eq!(settled, ["trong"], "{settled:?}");
    let alone = evidence("Cac khu pho trong thanh pho dang bi thu hep trong nam nay.");
    assert!(alone.is_empty(), "{alone:?}");
    // "trồng trộng" spells "trong" twice, but "trong trong" is two words
    // far more often: "quan trọng trong".
    let important = evidence("Day la buoc tien quan trong trong viec mo rong thanh pho.");
    assert!(important.is_empty(), "{important:?}");
}

#[test]
fn without_diacritics_a_phrase_is_not_ruled_out_by_another_reading_of_its_own_words() {
    // "gia cầm" (poultry) is no livestock evidence next to a price ("giá"),
    // and written without diacritics its own "gia" spells "giá".
    let tagger = every_topic_tagger();
    let text = "Ho dan o xa nay nuoi them dan gia cam de co thu nhap on dinh.";
    let tags = tagger.tag("", text);
    let livestock = tags
        .topics
        .iter()
        .find(|t| t.id == "livestock")
        .expect("livestock");
    assert!(
        livestock.evidence.iter().any(|e| e.phrase == "gia cầm"),
        "{tags:?}"
    );
}

#[test]
fn without_diacritics_a_word_next_to_a_phrase_of_its_topic_is_read_as_that_word() {
    let tagger = every_topic_tagger();
    let crops = |text: &str| evidence_in(&tagger.tag("", text), text, Some("crops"));
    // "trong" before "ca phe" (coffee) is "trồng" (to grow): the growing
    // and the crop grown are both crop evidence.
    let grown = crops("Nhieu ho dan o xa nay trong ca phe tren dat doi.");
    assert!(grown.contains(&"trong".to_string()), "{grown:?}");
    assert!(grown.contains(&"ca phe".to_string()), "{grown:?}");
    // Next to a word of no topic it stays "trong" (in).
    let inside = crops("Nhieu ho dan o xa nay song trong nha tren dat doi.");
    assert!(inside.is_empty(), "{inside:?}");
    // Nor is a word read so when the words around spell another: "du bao"
    // is "dự báo" (a forecast), and its "bao" no storm, though a weather
    // word stands next to it.
    let tags = tagger.tag(
        "",
        "Theo Trung tam Du bao khi tuong thuy van quoc gia, troi ret dam.",
    );
    let storm = tags
        .topics
        .iter()
        .flat_map(|t| t.evidence.iter())
        .any(|e| e.phrase == "bão");
    assert!(!storm, "{tags:?}");
}

#[test]
fn a_lead_sentence_in_the_title_field_weighs_as_a_lead() {
    let body = "Thương lái thu mua lúa tại ruộng.";
    let headline = "Giá lúa tăng mạnh";
    // The same words at the end of a title of 50 words, as some archives
    // fill the title field with the lead sentence.
    let lead = format!(
        "Sáng nay, trong buổi làm việc với lãnh đạo địa phương về tình hình sản xuất \
         và đời sống của người dân trong năm qua cùng kế hoạch của năm tới, nhiều ý kiến \
         tại hội nghị tổng kết của tỉnh cho biết thời gian gần đây {}",
        headline.to_lowercase()
    );
    assert!(lead.len() > TagOptions::default().headline_max_bytes);
    let prices = |tagger: &Tagger, title: &str| {
        let tags = tagger.tag(title, body);
        tags.topics
            .iter()
            .find(|t| t.id == "prices")
            .map_or(0.0, |t| t.score)
    };
    let tagger = Tagger::new();
    let (as_headline, as_lead) = (prices(&tagger, headline), prices(&tagger, &lead));
    assert!(as_headline > as_lead && as_lead > 0.0, "{as_headline} {as_lead}");
    // Without the limit, the long title weighs as a headline.
    let options = TagOptions {
        headline_max_bytes: usize::MAX,
        ..TagOptions::default()
    };
    let unlimited = Tagger::with_taxonomy(Taxonomy::embedded(), Segmenter::new(), options);
    assert_eq!(prices(&unlimited, &lead), as_headline);
}

#[test]
fn a_phrase_written_with_dashes_matches_as_with_spaces() {
    let tagger = Tagger::new();
    let environment = |text: &str| {
        let tags = tagger.tag("", text);
        tags.topics
            .iter()
            .find(|t| t.id == "environment")
            .map_or(0.0, |t| t.score)
    };
    let text = |movement: &str| {
        format!(
            "Hội Nông dân xã phát động phong trào {movement} ở nông thôn. Nông dân \
             trồng hoa dọc đường làng theo phong trào {movement}."
        )
    };
    let spaced = environment(&text("sáng xanh sạch đẹp"));
    assert!(spaced >= 5.0, "{spaced}");
    for dashed in [
        "sáng - xanh - sạch - đẹp",
        "sáng – xanh – sạch – đẹp",
        "sáng — xanh — sạch — đẹp",
    ] {
        assert_eq!(environment(&text(dashed)), spaced, "{dashed}");
    }
    // A dash still ends a phrase where the words do not make one.
    assert_eq!(environment(&text("sáng - xanh, sạch - đẹp")), 0.0);
}

#[test]
fn a_word_written_with_hyphens_or_underscores_matches_as_with_spaces() {
    let tagger = every_topic_tagger();
    let text =
        |rubber: &str| format!("Giá {rubber} thành phẩm trong nước tăng, nông dân trồng {rubber} phấn khởi.");
    let spaced = text("cao su");
    let hyphened = text("cao-su");
    let spaced_tags = tagger.tag("", &spaced);
    let hyphened_tags = tagger.tag("", &hyphened);
    assert_eq!(
        evidence_in(&hyphened_tags, &hyphened, Some("prices")),
        ["Giá cao-su"]
    );
    // Every topic scores as it does on the text written with spaces.
    let scores = |tags: &agrivn::tag::Tags| {
        tags.topics
            .iter()
            .map(|t| (t.id.clone(), t.score))
            .collect::<Vec<_>>()
    };
    assert_eq!(scores(&hyphened_tags), scores(&spaced_tags));
    assert!(!spaced_tags.topics.is_empty());
    // Text another tool segmented, words joined by underscores.
    let segmented = "Giá cao_su thành_phẩm trong nước tăng , nông_dân trồng cao_su phấn_khởi .";
    assert_eq!(scores(&tagger.tag("", segmented)), scores(&spaced_tags));
}

#[test]
fn a_d_typed_as_eth_reads_as_d() {
    // Some fonts and converters put ð or Ð (Icelandic eth) for đ and Đ.
    let tagger = every_topic_tagger();
    let text = "Thương lái mua lúa giá 7.000 ðồng/kg, nông dân ÐỒNG THÁP ðược giá.";
    let tags = tagger.tag("", text);
    let mut prices = evidence_in(&tags, text, Some("prices"));
    prices.sort();
    assert_eq!(prices, ["Thương lái", "lúa", "ðược giá", "ðồng/kg"], "{tags:?}");
}

#[test]
fn a_vaccine_for_people_is_not_livestock_evidence() {
    let tagger = every_topic_tagger();
    let history = "Năm 1796, Edward Jenner chế tạo vắc-xin đậu mùa đầu tiên. Năm 1963 có \
         vắc xin sởi, sau đó là vắc xin quai bị. Vắc xin viêm gan B được coi là vắc xin \
         chống ung thư đầu tiên. Một vắc xin bệnh than được dùng trong chăn nuôi. Vắc xin \
         HPV đầu tiên ra đời ở Mỹ năm 2006. Ngày nay vắc xin cúm mùa được điều chỉnh hằng \
         năm cho người lớn và trẻ em. Nhờ vắc xin bại liệt, châu Mỹ thanh toán bệnh bại liệt \
         năm 1994.";
    let tags = tagger.tag("", history);
    let mut vaccines = evidence_in(&tags, history, Some("livestock"));
    vaccines.sort();
    // Only the sentence about farm animals speaks of their vaccine.
    assert_eq!(vaccines, ["chăn nuôi", "vắc xin"], "{tags:?}");
    assert!(!Tagger::new().tag("Lịch sử phát triển vắc xin", history).agri);
    let pigs = "Huyện tổ chức tiêm vắc xin dịch tả lợn châu Phi cho đàn lợn của các hộ \
         chăn nuôi. Cán bộ thú y đã tiêm vắc xin cho gần 5.000 con lợn.";
    let tags = tagger.tag("", pigs);
    assert!(evidence_in(&tags, pigs, Some("livestock")).contains(&"vắc xin".to_string()));
}

#[test]
fn a_sentence_printed_twice_counts_once() {
    let tagger = Tagger::new();
    let caption = "Nông dân sơ chế rau an toàn tại hợp tác xã nông nghiệp Văn Đức.";
    let text = format!(
        "Chuyển đổi số giúp hợp tác xã nông nghiệp giảm chi phí. {caption} Các hợp tác xã \
         ứng dụng phần mềm quản lý."
    );
    let once = tagger.tag("", &text);
    // Web pages often print a photo caption twice.
    let twice = tagger.tag("", &text.replace(caption, &format!("{caption}\n{caption}")));
    let scores = |tags: &agrivn::tag::Tags| {
        let topics: Vec<_> = tags.topics.iter().map(|t| (t.id.clone(), t.score)).collect();
        (tags.agri_score, topics)
    };
    assert_eq!(scores(&once), scores(&twice));
    assert!(!once.topics.is_empty());
    // Short repeated sentences ("Ảnh: TL.") are not worth comparing, and a
    // sentence that differs by one word is a new sentence.
    let varied = caption.replace("Văn Đức", "Thanh Xuân");
    let other = tagger.tag("", &text.replace(caption, &format!("{caption}\n{varied}")));
    assert!(other.agri_score > once.agri_score);
}

/// The ids of the topics of `tags`.
fn topic_ids(tags: &agrivn::tag::Tags) -> Vec<&str> {
    tags.topics.iter().map(|t| t.id.as_str()).collect()
}

#[test]
fn animals_in_a_price_report_are_prices_not_livestock() {
    let tagger = Tagger::new();
    let report = "Giá heo hơi hôm nay tại miền Nam tăng 1.000 đồng/kg, lên 62.000 đồng/kg. \
         Giá lợn hơi tại miền Bắc đi ngang ở mức 60.000 đồng/kg. Giá gà công nghiệp giảm \
         còn 30.000 đồng/kg, giá heo nái loại thải 45.000 đồng/kg.";
    let tags = tagger.tag("Giá heo hơi hôm nay tăng nhẹ", report);
    assert_eq!(topic_ids(&tags), ["prices"], "{tags:?}");
    let farm = "Trang trại nuôi 500 heo nái và 3.000 lợn thịt theo quy trình an toàn sinh học. \
         Đàn gà công nghiệp được tiêm phòng đầy đủ. Heo hơi xuất chuồng đạt 110 kg mỗi con.";
    let tags = tagger.tag("Trang trại heo an toàn sinh học", farm);
    assert!(topic_ids(&tags).contains(&"livestock"), "{tags:?}");
}

#[test]
fn a_cooperative_named_as_an_ocop_producer_is_not_the_cooperatives_topic() {
    let tagger = Tagger::new();
    let ranking = "Tỉnh công nhận 40 sản phẩm OCOP 4 sao của các HTX và cơ sở sản xuất. Các \
         sản phẩm OCOP của HTX được cấp giấy chứng nhận OCOP. Chủ thể OCOP là HTX chiếm một \
         nửa. Sản phẩm OCOP được bày bán tại hội chợ.";
    let tags = tagger.tag("Thêm 40 sản phẩm OCOP đạt 4 sao", ranking);
    assert_eq!(topic_ids(&tags), ["new_rural"], "{tags:?}");
}

#[test]
fn rangers_releasing_wild_animals_are_not_forestry_news() {
    let tagger = Tagger::new();
    let release = "Kiểm lâm phối hợp với Vườn quốc gia Cúc Phương tái thả 20 cá thể động vật \
         hoang dã về rừng. Các cá thể khỉ, rùa và tê tê được cứu hộ động vật chăm sóc trước \
         khi thả về vườn quốc gia. Lực lượng kiểm lâm theo dõi các cá thể sau khi tái thả.";
    let tags = tagger.tag("Tái thả 20 cá thể động vật hoang dã về Vườn quốc gia", release);
    assert!(!tags.agri, "{tags:?}");
    let patrol = "Lực lượng kiểm lâm tuần tra bảo vệ rừng, ngăn chặn nạn phá rừng làm nương. \
         Hạt kiểm lâm phối hợp với chủ rừng kiểm tra các vụ khai thác gỗ trái phép trong \
         vườn quốc gia. Diện tích rừng trồng được giao khoán cho người dân bảo vệ.";
    let tags = tagger.tag("Kiểm lâm tăng cường bảo vệ rừng mùa khô", patrol);
    assert!(topic_ids(&tags).contains(&"forestry"), "{tags:?}");
}

#[test]
fn a_farm_product_sold_by_the_kilo_is_a_price_but_a_shopping_list_is_not_farming() {
    let tagger = Tagger::new();
    let harvest = "Nông dân huyện Cái Bè đang thu hoạch xoài vụ nghịch trên 2.000 ha vườn. Năm \
         nay xoài đậu trái nhiều, chất lượng tốt. Tại vườn, xoài cát Hòa Lộc loại 1 được bán \
         45.000 đồng/kg. Xoài Đài Loan được bán 12.000 đồng/kg, cao hơn cùng kỳ năm ngoái.";
    let tags = tagger.tag("Nhà vườn Tiền Giang vào vụ thu hoạch xoài", harvest);
    let prices = tags.topics.iter().find(|t| t.id == "prices").expect("prices");
    assert!(prices.evidence.iter().any(|e| e.phrase == "xoài"), "{tags:?}");
    // The same with the unit abbreviated.
    let abbreviated = harvest.replace("đồng/kg", "đ/kg");
    let tags = tagger.tag("Nhà vườn Tiền Giang vào vụ thu hoạch xoài", &abbreviated);
    let prices = tags.topics.iter().find(|t| t.id == "prices").expect("prices");
    assert!(prices.evidence.iter().any(|e| e.phrase == "xoài"), "{tags:?}");
    assert!(prices.evidence.iter().any(|e| e.phrase == "đ/kg"), "{tags:?}");
    // The same names with prices in a recipe add nothing to the relevance.
    let recipe = "Nguyên liệu gồm cá, 2 quả cà chua, nửa quả dứa, giá đỗ và tỏi. Cà chua chợ \
         hôm nay bán 20.000 đồng/kg, dứa 15.000 đồng/quả. Phi thơm tỏi, cho cà chua và dứa \
         vào xào rồi đổ nước. Khi nước sôi thả cá vào, nêm nếm vừa ăn.";
    let tags = tagger.tag("Cách nấu canh chua cá ngon", recipe);
    assert!(!tags.agri, "{tags:?}");
}

#[test]
fn without_diacritics_a_phrase_declared_ambiguous_is_no_evidence() {
    let taxonomy = |folding: &str| {
        let toml = format!(
            "version = 1\n{folding}\n[agri]\nthreshold = 1.0\nphrases = [{{ text = \"ngư dân\", weight = 2.0 }}]\n\
             [[topic]]\nid = \"fisheries\"\nname_vi = \"Thủy sản\"\nname_en = \"Fisheries\"\n\
             phrases = [{{ text = \"giã cào\", weight = 3.0 }}]\n"
        );
        Taxonomy::from_toml(&toml).expect("valid")
    };
    let text = "Ngư dân phản ánh tàu giã cào hoạt động ven bờ. Tàu giã cào tận diệt cá con.";
    let folded = strip_diacritics(text);
    let plain = Tagger::with_taxonomy(taxonomy(""), Segmenter::new(), TagOptions::default());
    let declared = Tagger::with_taxonomy(
        taxonomy("[folding]\nambiguous = [\"giã cào\"]"),
        Segmenter::new(),
        TagOptions::default(),
    );
    // With diacritics the phrase is evidence either way.
    assert_eq!(topic_ids(&declared.tag("", text)), ["fisheries"]);
    // Without them, only where it is not declared ambiguous ("gia cao" is
    // mostly "giá cao", a high price).
    assert_eq!(topic_ids(&plain.tag("", &folded)), ["fisheries"]);
    assert!(declared.tag("", &folded).topics.is_empty());
}

#[test]
fn vegetables_sprayed_with_chemicals_before_sale_are_food_safety() {
    let tagger = Tagger::new();
    let sprayed = "Nông dân trồng rau ở ngoại thành phun thuốc kích thích cho rau muống ba \
         lần mỗi tuần rồi cắt bán ra chợ. Nhiều mẫu rau lấy ở chợ nhiễm hóa chất độc hại. \
         Người trồng rau không tuân thủ thời gian cách ly sau khi phun thuốc. Người tiêu \
         dùng lo lắng vì rau bẩn bày bán khắp nơi.";
    let tags = tagger.tag("Rau muống một tuần tắm thuốc ba lần", sprayed);
    assert!(topic_ids(&tags).contains(&"food_safety"), "{tags:?}");
}

#[test]
fn acacia_planted_and_felled_is_forestry_and_its_price_is_a_price() {
    let tagger = Tagger::new();
    let acacia = "Nhiều hộ dân miền núi đang khai thác keo để có tiền sắm Tết. Gia đình anh \
         Phú có 2 ha keo lai đến kỳ thu hoạch. Sau 5 năm trồng keo, anh thu hoạch được 70 \
         tấn. Năm nay giá keo xuống thấp, chỉ còn 1 triệu đồng mỗi tấn. Anh tiếp tục trồng \
         keo sau khi thu hoạch. Thương lái mua gỗ keo về bán cho nhà máy dăm gỗ xuất khẩu.";
    let tags = tagger.tag("Đồng bào vùng cao vào vụ khai thác keo", acacia);
    let ids = topic_ids(&tags);
    assert!(ids.contains(&"forestry") && ids.contains(&"prices"), "{tags:?}");
    assert!(!ids.contains(&"crops"), "{tags:?}");
}

#[test]
fn the_price_salt_makers_get_is_a_price() {
    let tagger = Tagger::new();
    let salt = "Diêm dân trên cánh đồng muối Hàm Thuận Nam trúng mùa nhưng không vui. Giá \
         muối năm nay rớt mạnh, cuối vụ chỉ còn 1.200 đồng/kg. Hàng trăm tấn muối nằm \
         chờ thương lái đến mua.";
    let tags = tagger.tag("Diêm dân không vui dù trúng mùa muối", salt);
    assert!(topic_ids(&tags).contains(&"prices"), "{tags:?}");
}

#[test]
fn a_headline_in_title_case_counts_as_in_sentence_case() {
    let tagger = Tagger::new();
    let text = "Nông dân thu hoạch lúa hè thu. Thương lái thu mua lúa tại ruộng.";
    let sentence = tagger.tag("Giá lúa gạo hôm nay tăng mạnh ở Đồng Tháp", text);
    let title = tagger.tag("Giá Lúa Gạo Hôm Nay Tăng Mạnh Ở Đồng Tháp", text);
    assert_eq!(topic_ids(&title), topic_ids(&sentence));
    assert!(topic_ids(&title).contains(&"prices"), "{title:?}");
    assert_eq!(title.topics[0].score, sentence.topics[0].score);
}

#[test]
fn words_capitalized_as_a_name_inside_a_sentence_are_that_name() {
    let tagger = Tagger::new();
    let text = "Nông dân Nguyễn Văn Tân ở xã Phú Thọ (Tam Nông, Đồng Tháp) làm 2 ha lúa. \
         Vừa chín thì lúa gặp mưa lớn, nông dân thu hoạch chậm.";
    let tags = tagger.tag("Lúa chín gặp mưa", text);
    assert!(tags.agri, "{tags:?}");
    assert!(!topic_ids(&tags).contains(&"policy"), "{tags:?}");
    // The policy written as words, not as a name, still counts.
    let policy = tagger.tag(
        "Nghị quyết về nông nghiệp, nông dân, nông thôn",
        "Trung ương ban hành nghị quyết về tam nông. Chính sách tam nông hỗ trợ nông dân.",
    );
    assert!(topic_ids(&policy).contains(&"policy"), "{policy:?}");
}

#[test]
fn uncommon_animals_raised_for_money_are_livestock() {
    let tagger = Tagger::new();
    let text = "Năm 2003, ông Hùng xây chuồng nuôi nhím làm giàu. Ông mua 6 con nhím giống về \
         nuôi, sau một năm đàn nhím bắt đầu sinh sản. Nay mỗi năm ông bán hàng trăm con.";
    let tags = tagger.tag("Làm giàu từ nuôi nhím", text);
    assert!(tags.agri, "{tags:?}");
    assert!(topic_ids(&tags).contains(&"livestock"), "{tags:?}");
}

#[test]
fn a_price_written_as_so_much_a_kilo_in_words_is_a_price() {
    let tagger = Tagger::new();
    let text = "Thương lái đến tận vườn mua xoài cát Hòa Lộc với giá 90.000 đồng một kg. \
         Xoài loại hai được mua 60.000 đồng mỗi kg, cao gấp đôi năm ngoái.";
    let tags = tagger.tag("Xoài cát Hòa Lộc được mùa", text);
    let prices = tags.topics.iter().find(|t| t.id == "prices").expect("prices");
    assert!(
        prices.evidence.iter().any(|e| e.phrase == "đồng một kg"),
        "{tags:?}"
    );
}

#[test]
fn the_campaign_against_illegal_fishing_is_policy() {
    let text = "Tỉnh tiếp tục tập trung chống khai thác IUU trong những tháng cuối năm. \
         Mọi tàu cá phải cập cảng đúng nơi khai báo trước khi ra khơi. \
         Các tàu vi phạm IUU ở vùng biển nước ngoài sẽ bị thu hồi giấy phép. \
         Ngư dân được tuyên truyền về việc gỡ thẻ vàng của EC.";
    let tags = Tagger::new().tag("Quyết tâm gỡ thẻ vàng IUU", text);
    let ids: Vec<&str> = tags.topics.iter().map(|t| t.id.as_str()).collect();
    assert!(ids.contains(&"fisheries"), "{tags:?}");
    let policy = tags.topics.iter().find(|t| t.id == "policy");
    let policy = policy.unwrap_or_else(|| panic!("no policy: {tags:?}"));
    assert!(policy.evidence.iter().any(|e| e.phrase == "IUU"), "{policy:?}");
}

#[test]
fn ginseng_gardens_and_swiftlet_houses_are_farming() {
    let tagger = Tagger::new();
    let ginseng = "Người dân huyện Nam Trà My trồng sâm Ngọc Linh dưới tán rừng già. \
         Mỗi vườn sâm được rào kín và canh giữ suốt ngày đêm. \
         Nhiều hộ trồng sâm có thu nhập hàng tỷ đồng mỗi năm.";
    let tags = tagger.tag("Vùng sâm Ngọc Linh trên núi cao", ginseng);
    assert!(tags.agri, "{tags:?}");
    assert!(tags.topics.iter().any(|t| t.id == "crops"), "{tags:?}");
    let swiftlet = "Anh Tâm xây nhà yến ba tầng ở ven biển Ninh Thuận. \
         Sau hai năm, đàn chim về làm tổ kín các nhà yến trong xã. \
         Yến sào được thương lái mua tận nơi.";
    let tags = tagger.tag("Làm giàu từ nhà yến", swiftlet);
    assert!(tags.agri, "{tags:?}");
    assert!(tags.topics.iter().any(|t| t.id == "livestock"), "{tags:?}");
}

#[test]
fn a_harvest_abroad_in_a_commodity_report_is_not_crop_growing() {
    let text = "Giá đậu tương trên sàn Chicago giảm phiên thứ tư liên tiếp. \
         Thời tiết thuận lợi ở Brazil hỗ trợ sự phát triển của cây trồng, và hoạt động \
         thu hoạch tại Brazil bắt đầu vào tháng 3. CONAB nâng dự báo mùa vụ đậu tương \
         của Brazil, trong khi WASDE giữ nguyên dự báo năng suất. Giá ngô và giá lúa mì \
         cũng giảm theo.";
    let tags = Tagger::new().tag("Giá đậu tương tiếp tục suy yếu", text);
    let ids = topic_ids(&tags);
    assert!(ids.contains(&"prices"), "{tags:?}");
    assert!(!ids.contains(&"crops"), "{tags:?}");
}

#[test]
fn a_variety_named_in_a_trademark_dispute_is_not_crop_growing() {
    let text = "Cục Sở hữu trí tuệ cho biết giống lúa ST25 là tên giống cây trồng nên không thể \
         đăng ký nhãn hiệu. Bốn doanh nghiệp tại Mỹ đã nộp đơn đăng ký nhãn hiệu cho giống lúa \
         ST25. Tác giả của giống lúa ST25 lo ngại doanh nghiệp xuất khẩu gạo mất thương hiệu.";
    let tags = Tagger::new().tag("Giống lúa ST25 bị đăng ký nhãn hiệu ở Mỹ", text);
    assert!(tags.agri, "{tags:?}");
    assert!(!topic_ids(&tags).contains(&"crops"), "{tags:?}");
}

#[test]
fn biosecure_and_clean_farming_practices_are_technology() {
    let text = "Trang trại của anh Hùng nuôi 2.000 con lợn theo quy trình an toàn sinh học, \
         chuồng trại khép kín. Trang trại đạt chứng nhận VietGAHP từ năm ngoái. \
         Anh Hùng trộn men vi sinh vào thức ăn và làm đệm lót sinh học cho đàn lợn.";
    let tags = Tagger::new().tag("Trang trại lợn khép kín ở Hà Nam", text);
    assert!(topic_ids(&tags).contains(&"technology"), "{tags:?}");
}

#[test]
fn the_brand_of_a_farm_product_is_food_safety_but_a_shop_brand_is_not() {
    let tagger = Tagger::new();
    let oyster = "Thương hiệu hàu sữa Ngọc Vừng đã có tiếng trên thị trường. \
         Ngư dân đã nuôi hàu từ nhiều năm nay. Để giữ thương hiệu hàu sữa Ngọc Vừng, \
         xã hướng dẫn các hộ nuôi hàu làm theo một quy trình chung. \
         Nhờ thương hiệu, hàu sữa Ngọc Vừng bán được giá cao hơn.";
    let tags = tagger.tag("Để phát huy thương hiệu hàu sữa Ngọc Vừng", oyster);
    assert!(topic_ids(&tags).contains(&"food_safety"), "{tags:?}");
    let shop = "Chuỗi cửa hàng điện thoại mở thêm năm cửa hàng ở Hà Nội. \
         Thương hiệu này muốn có 100 cửa hàng trong năm tới.";
    let tags = tagger.tag("Thương hiệu điện thoại mở rộng chuỗi", shop);
    assert!(!tags.agri && tags.topics.is_empty(), "{tags:?}");
}

#[test]
fn a_poverty_programme_that_hands_out_livestock_is_policy() {
    let text = "Từ nguồn vốn Dự án giảm nghèo, huyện Mường Chà hỗ trợ 493 hộ nghèo nuôi dê núi. \
         Mỗi hộ được nhận hai con dê giống và được tập huấn cách nuôi. \
         Chương trình giảm nghèo của huyện còn hỗ trợ bò giống cho các hộ cận nghèo.";
    let tags = Tagger::new().tag("Nuôi dê núi, tạo sinh kế cho người nghèo", text);
    assert!(topic_ids(&tags).contains(&"policy"), "{tags:?}");
}

#[test]
fn a_cassava_market_report_is_agricultural() {
    let text = "Hôm nay, lượng mì củ đưa về cửa khẩu Chàng Riệc tương đương với ngày hôm qua. \
         Giá mì nguyên liệu tại các điểm thu mua dao động từ 2.800 đến 3.100 đồng/kg, \
         tùy trữ lượng tinh bột.";
    let tags = Tagger::new().tag("Giá mì nguyên liệu tại Tây Ninh ngày 26/4", text);
    assert!(tags.agri, "{tags:?}");
}

#[test]
fn a_headline_and_a_lead_decide_on_less_evidence_than_a_full_article() {
    let title = "Một xã vùng cao trồng thử 2 ha na giống mới";
    let lead = "Xã vừa trồng thử 2 ha na giống mới trên đất đồi.";
    let tagger = Tagger::new();
    let short = tagger.tag(title, lead);
    assert!(short.agri, "{short:?}");
    assert!(topic_ids(&short).contains(&"crops"), "{short:?}");
    // The same evidence at the head of a full article is a passing mention.
    let rest = " Trường học của xã vừa khánh thành thêm hai phòng học mới, khang trang.".repeat(8);
    let long = tagger.tag(title, &format!("{lead}{rest}"));
    assert!(!long.agri, "{long:?}");
    // And a short text held to the full threshold is not agricultural.
    let options = TagOptions {
        short_agri_factor: 1.0,
        ..TagOptions::default()
    };
    let strict = Tagger::with_taxonomy(Taxonomy::embedded(), Segmenter::new(), options);
    assert!(!strict.tag(title, lead).agri);
}

#[test]
fn macadamia_orchards_the_tea_sector_and_safe_vegetables_are_farming() {
    let tagger = Tagger::new();
    let macadamia = tagger.tag(
        "Điện Biên mở rộng vùng trồng cây mắc ca",
        "Tỉnh Điện Biên có hơn 1.000 ha cây mắc ca, nhiều vườn đã cho thu hoạch hạt.",
    );
    assert!(topic_ids(&macadamia).contains(&"crops"), "{macadamia:?}");
    let tea = tagger.tag(
        "Ngành chè tìm thị trường mới",
        "Thị trường chè thế giới biến động khiến ngành chè trong nước phải tìm hướng đi mới.",
    );
    assert!(tea.agri, "{tea:?}");
    let vegetables = tagger.tag(
        "Giữ vững vùng rau an toàn ở Củ Chi",
        "Sản xuất rau an toàn là thế mạnh của xã, giúp bà con có đầu ra ổn định.",
    );
    assert!(vegetables.agri, "{vegetables:?}");
}

#[test]
fn a_masked_word_is_no_context_for_its_neighbours() {
    // "heo" in "heo quay" (a roast) is no farm product, so the shop's
    // sales are not a farm market.
    let every = every_topic_tagger();
    let shop = every.tag(
        "Tiệm heo quay đông khách ngày Tết",
        "Mỗi ngày tiệm heo quay tiêu thụ hàng trăm ký, khách xếp hàng từ sáng sớm.",
    );
    let words: Vec<&str> = shop
        .topics
        .iter()
        .flat_map(|t| t.evidence.iter().map(|e| e.phrase.as_str()))
        .collect();
    assert!(!words.contains(&"tiêu thụ"), "{shop:?}");
}

#[test]
fn the_environment_of_a_farm_is_the_rural_environment_and_a_business_climate_is_not() {
    let tagger = every_topic_tagger();
    let farm = "Người dân xã Tân Sơn phản ánh trang trại lợn xả thải làm ảnh hưởng môi trường.";
    let tags = tagger.tag("", farm);
    assert_eq!(
        evidence_in(&tags, farm, Some("environment")),
        ["môi trường"],
        "{tags:?}"
    );
    let business = "Tỉnh cải thiện môi trường đầu tư, thu hút doanh nghiệp.";
    let tags = tagger.tag("", business);
    assert!(
        evidence_in(&tags, business, Some("environment")).is_empty(),
        "{tags:?}"
    );
}

#[test]
fn evidence_in_repaired_text_covers_the_damaged_words_whole() {
    let tagger = Tagger::new().with_normalizer(Normalizer::builder().repair(true).build());
    // A lookalike of Đ repaired further on: the phrase before the comma
    // still ends where it ends in the text.
    let text = "Theo Hiệp hội Lương thực Việt Nam, giá gạo xuất khẩu tăng. Ðồng Tháp thu mua lúa.";
    let trade = evidence_in(&tagger.tag("", text), text, Some("trade"));
    assert!(
        trade.iter().any(|e| e == "Hiệp hội Lương thực Việt Nam"),
        "{trade:?}"
    );
    // UTF-8 read as Windows-1252: the span covers each damaged word whole.
    let text = "GiÃ¡ gáº¡o xuáº¥t kháº©u tÄƒng máº¡nh, thÆ°Æ¡ng lÃ¡i thu mua lÃºa.";
    let prices = evidence_in(&tagger.tag("", text), text, Some("prices"));
    assert!(
        prices.iter().any(|e| e == "GiÃ¡ gáº¡o xuáº¥t kháº©u"),
        "{prices:?}"
    );
    assert!(prices.iter().any(|e| e == "thÆ°Æ¡ng lÃ¡i"), "{prices:?}");
}

#[test]
fn evidence_ends_where_the_phrase_ends_before_spaces_normalization_drops() {
    let text = "Giá lúa hôm nay tăng, nhờ thương lái \u{a0} \nHọ thu mua lúa\u{200b}";
    let tags = every_topic_tagger().tag("", text);
    let prices = evidence_in(&tags, text, Some("prices"));
    assert!(prices.iter().any(|e| e == "thương lái"), "{prices:?}");
    assert!(
        prices
            .iter()
            .all(|e| e.trim_end() == e && !e.ends_with('\u{200b}')),
        "{prices:?}"
    );
}
