//! The result card in the release build on a phone: a member finishes an
//! exam, types a name, makes the card, and gets a PNG of the card's fixed
//! size that is not blank, shown as an image WeChat can save or forward.

use base64::Engine;
use e2e::{dist_dir, Phone, StaticServer};

/// Finishes the exam on screen without answering (submit, confirm).
async fn submit(phone: &Phone) {
    phone.click(".quiz__submit").await;
    phone.wait_for("dialog.dialog[open]").await;
    phone.click(".dialog__confirm").await;
    phone.wait_for(".score-card").await;
}

/// The PNG an `<img>` shows, decoded from its data URL: width, height and
/// RGBA pixels.
async fn card_png(phone: &Phone) -> (u32, u32, Vec<u8>) {
    let src = phone
        .attribute(".result-card__image", "src")
        .await
        .expect("the card has a source");
    let data = src
        .strip_prefix("data:image/png;base64,")
        .unwrap_or_else(|| panic!("not a PNG data URL: {}", &src[..src.len().min(40)]));
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data)
        .expect("base64");
    // `QUIZ_CARD_PNG=/tmp/card.png` keeps the card to look at.
    if let Some(path) = std::env::var_os("QUIZ_CARD_PNG") {
        std::fs::write(path, &bytes).expect("write the card");
    }
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().expect("a PNG header");
    let mut pixels = vec![0; reader.output_buffer_size().expect("a buffer size")];
    let info = reader.next_frame(&mut pixels).expect("a PNG frame");
    pixels.truncate(info.buffer_size());
    assert_eq!(
        info.color_type,
        png::ColorType::Rgba,
        "{:?}",
        info.color_type
    );
    (info.width, info.height, pixels)
}

#[tokio::test(flavor = "current_thread")]
async fn a_member_makes_a_result_card_after_an_exam() {
    let server = StaticServer::start(&dist_dir());
    let phone = Phone::start().await;
    phone
        .open(&format!("{}#/bank/charter/exam?n=3&t=600", server.url()))
        .await;
    phone.wait_for(".quiz--exam .question").await;
    submit(&phone).await;

    let name = phone.wait_for(".result-card__name-input").await;
    name.send_keys("张三").await.expect("type a name");
    phone.click(".result-card__make").await;
    phone.wait_for(".result-card__image").await;
    let (width, height, pixels) = card_png(&phone).await;
    assert_eq!((width, height), (720, 960));
    // Not blank: the red band, the paper background and dark text are
    // all there.
    let colours: std::collections::HashSet<&[u8]> = pixels.chunks(4).collect();
    assert!(colours.len() > 50, "only {} colours", colours.len());
    let at = |x: usize, y: usize| &pixels[(y * 720 + x) * 4..(y * 720 + x) * 4 + 4];
    assert_eq!(at(360, 20), [0xb3, 0x12, 0x1b, 0xff], "the band");
    let dark = pixels
        .chunks(4)
        .skip(720 * 130)
        .filter(|p| p[0] < 0x60 && p[1] < 0x60 && p[2] < 0x60)
        .count();
    assert!(
        dark > 2_000,
        "too little text below the band: {dark} dark pixels"
    );
    // The image is described for screen readers, and the phone shows it
    // whole, within the screen's width.
    let alt = phone
        .attribute(".result-card__image", "alt")
        .await
        .unwrap_or_default();
    assert!(alt.contains("成绩卡片") && alt.contains("党章"), "{alt}");
    let shown_width = phone
        .eval("document.querySelector('.result-card__image').getBoundingClientRect().width")
        .await
        .as_f64()
        .unwrap();
    assert!(shown_width > 200.0 && shown_width <= 390.0, "{shown_width}");
    phone.wait_for(".result-card__save").await;

    // The name is remembered on this device for the next card.
    phone
        .client
        .goto(&format!("{}#/bank/charter/exam?n=2&t=600", server.url()))
        .await
        .expect("navigate");
    phone.client.refresh().await.expect("reload");
    phone.wait_for(".quiz--exam .question").await;
    submit(&phone).await;
    let remembered = phone
        .eval("document.querySelector('.result-card__name-input').value")
        .await;
    assert_eq!(remembered, serde_json::json!("张三"));

    // In English the card is made in English: a different picture.
    phone.click(".lang-switch").await;
    phone
        .wait_for_text(".result-card", "Make a result card")
        .await;
    phone.click(".result-card__make").await;
    phone.wait_for(".result-card__image").await;
    let (width, height, english) = card_png(&phone).await;
    assert_eq!((width, height), (720, 960));
    assert_ne!(english, pixels);
    phone.close().await;
}
