//! Tag one article and print its topics with their evidence.
//!
//!     cargo run --example tag_article

use agrivn::tag::Tagger;

fn main() {
    let title = "Đắk Lắk: Giá cà phê tăng, nông dân phấn khởi";
    let text = "Giá cà phê nhân xô tại Đắk Lắk hôm nay tăng 1.500 đồng/kg. \
                Thương lái thu mua mạnh, nhiều hợp tác xã ký hợp đồng bao tiêu cho vụ mới.";
    let tagger = Tagger::new();
    let tags = tagger.tag(title, text);
    println!("agricultural: {} (score {})", tags.agri, tags.agri_score);
    for topic in &tags.topics {
        println!("{} {}", topic.id, topic.score);
        for e in &topic.evidence {
            let field = match e.field {
                agrivn::tag::Field::Title => title,
                agrivn::tag::Field::Text => text,
            };
            println!(
                "    {:?} at {}..{}: {:?}",
                e.phrase, e.span.start, e.span.end, &field[e.span]
            );
        }
    }
}
