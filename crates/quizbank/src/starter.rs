//! `quizbank new`: a starter bank that already passes `quizbank check`.

/// The starter bank's JSON, with one example of each question type.
pub fn starter_bank(id: &str, today: &str) -> String {
    format!(
        r#"{{
  "$schema": "./bank.schema.json",
  "id": "{id}",
  "version": 1,
  "updated": "{today}",
  "title": {{"zh": "新题库（请修改名称）", "en": "New bank (rename me)"}},
  "description": {{"zh": "请用一两句话说明本题库的内容。", "en": "Say in a sentence or two what this bank covers."}},
  "tag_names": {{
    "members": {{"zh": "党员", "en": "Members"}}
  }},
  "paper": {{
    "time_limit_minutes": 10,
    "pass_percent": 60,
    "sections": [
      {{"type": "single", "count": 1, "points": 25}},
      {{"type": "multiple", "count": 1, "points": 25}},
      {{"type": "judge", "count": 1, "points": 25}},
      {{"type": "fill", "count": 1, "points": 25}}
    ]
  }},
  "questions": [
    {{
      "id": "{id}-001",
      "type": "single",
      "stem": {{"zh": "根据党章，预备党员的预备期为（　）。", "en": "Under the Party Constitution, how long is the probationary period?"}},
      "options": [
        {{"zh": "半年", "en": "Six months"}},
        {{"zh": "一年", "en": "One year"}},
        {{"zh": "两年", "en": "Two years"}},
        {{"zh": "三年", "en": "Three years"}}
      ],
      "answer": "B",
      "explanation": {{"zh": "党章第七条规定，预备党员的预备期为一年。", "en": "Article 7 sets the probationary period at one year."}},
      "source": {{"zh": "《中国共产党章程》（2022年10月22日党的二十大部分修改）第一章第七条", "en": "Constitution of the CPC (as amended on 22 October 2022), Chapter 1, Article 7"}},
      "tags": ["members"],
      "difficulty": "easy"
    }},
    {{
      "id": "{id}-002",
      "type": "multiple",
      "stem": {{"zh": "根据党章，下列属于党的纪律处分的有（　）。", "en": "Under the Party Constitution, which of these are Party disciplinary penalties?"}},
      "options": [
        {{"zh": "警告", "en": "Warning"}},
        {{"zh": "严重警告", "en": "Serious warning"}},
        {{"zh": "罚款", "en": "A fine"}},
        {{"zh": "留党察看", "en": "Probation within the Party"}}
      ],
      "answer": "ABD",
      "explanation": {{"zh": "党章第四十一条规定的处分有警告、严重警告、撤销党内职务、留党察看、开除党籍五种，没有罚款。", "en": "Article 41 lists five penalties: warning, serious warning, removal from Party posts, probation and expulsion; a fine is not one."}},
      "source": {{"zh": "《中国共产党章程》（2022年修改）第七章第四十一条", "en": "Constitution of the CPC (2022), Chapter 7, Article 41"}},
      "tags": ["members"]
    }},
    {{
      "id": "{id}-003",
      "type": "judge",
      "stem": {{"zh": "预备党员有表决权、选举权和被选举权。", "en": "Probationary members have the right to vote, to elect and to stand for election."}},
      "answer": false,
      "explanation": {{"zh": "党章第七条规定，预备党员没有表决权、选举权和被选举权。", "en": "Article 7: probationary members have no right to vote, elect or stand for election."}},
      "source": {{"zh": "《中国共产党章程》（2022年修改）第一章第七条", "en": "Constitution of the CPC (2022), Chapter 1, Article 7"}},
      "tags": ["members"]
    }},
    {{
      "id": "{id}-004",
      "type": "fill",
      "stem": {{"zh": "预备党员的预备期为____年。", "en": "The probationary period is ____ year(s)."}},
      "answer": [{{"zh": ["一", "1"], "en": ["one", "1"]}}],
      "explanation": {{"zh": "见党章第七条。", "en": "See Article 7."}},
      "source": {{"zh": "《中国共产党章程》（2022年修改）第一章第七条", "en": "Constitution of the CPC (2022), Chapter 1, Article 7"}},
      "tags": ["members"]
    }}
  ]
}}
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starter_bank_is_clean() {
        let text = starter_bank("branch-3", "2026-11-28");
        let checked = quiz_core::check_bank("new.json", text.as_bytes());
        assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
        assert_eq!(checked.value.unwrap().questions.len(), 4);
    }
}
