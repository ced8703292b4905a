//! The UI's two languages, 中文 and English: which one a UI string or a corpus name is shown
//! in. Shared by the app and the graphs' markup, which is built natively in tests too.

use crate::model::Names;

/// The UI's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// The Chinese or the English of a UI string.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// A corpus name in this language (falling back to the other when one is missing).
    pub fn name(self, names: &Names) -> String {
        let (first, second) = match self {
            Lang::Zh => (&names.zh, &names.en),
            Lang::En => (&names.en, &names.zh),
        };
        if first.is_empty() { second } else { first }.clone()
    }

    /// The `lang` attribute for this language.
    pub fn tag(self) -> &'static str {
        self.pick("zh-CN", "en")
    }

    /// The language the toggle switches to.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}
