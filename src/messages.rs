//! The [`messages!`](crate::messages) macro: a table of interface strings
//! with each message's Chinese and English side by side, which generates a
//! struct with a field per message and both languages' values. The app's
//! `i18n.rs`, the workbench's and small component-local tables use it.

/// The language type the generated tables are keyed by, re-exported so
/// that the macro's expansion names it wherever it is used.
pub use quiz_core::Lang;

/// Declares a table of messages in Chinese and English.
///
/// ```
/// quiz_app::messages! {
///     /// What a status line says.
///     pub struct Status {
///         /// Shown while loading.
///         loading: "正在加载……", "Loading…";
///     }
///     impl {
///         /// How many questions are left.
///         fn left(n: usize): "还剩 {n} 道题", "{n} questions left";
///     }
/// }
///
/// let text = Status::of(quiz_app::messages::Lang::En);
/// assert_eq!(text.loading, "Loading…");
/// assert_eq!(text.left(3), "3 questions left");
/// assert_eq!(Status::of(quiz_app::messages::Lang::Zh).left(3), "还剩 3 道题");
/// ```
///
/// Every entry of the struct block becomes a `&'static str` field, so a
/// missing translation is a compile error and a lookup costs nothing at
/// run time. Every entry of the optional `impl` block becomes a method
/// whose named, typed parameters fill the `{name}` placeholders through
/// `format!`: a placeholder that is not a parameter, or a parameter that
/// one language leaves out, does not compile.
///
/// ```compile_fail
/// quiz_app::messages! {
///     pub struct Broken {}
///     impl {
///         /// The English forgot the count.
///         fn left(n: usize): "还剩 {n} 道题", "Some questions left";
///     }
/// }
/// ```
///
/// ```compile_fail
/// quiz_app::messages! {
///     pub struct Broken {}
///     impl {
///         /// The Chinese names a placeholder that is no parameter.
///         fn left(n: usize): "还剩 {count} 道题", "{n} questions left";
///     }
/// }
/// ```
///
/// `Name::of(lang)` gives the table in a language; the two tables are
/// statics, built at compile time. Literal braces in a method's message are
/// written `{{` and `}}`, as in `format!`.
#[macro_export]
macro_rules! messages {
    (
        $(#[$struct_meta:meta])*
        $vis:vis struct $name:ident {
            $( $(#[$meta:meta])* $field:ident: $zh:literal, $en:literal; )*
        }
        $( impl {
            $(
                $(#[$method_meta:meta])*
                fn $method:ident($($arg:ident: $ty:ty),* $(,)?): $method_zh:literal, $method_en:literal;
            )*
        } )?
    ) => {
        $(#[$struct_meta])*
        $vis struct $name {
            /// The language of this table, which the methods format in
            /// (unread in a table without methods).
            #[allow(dead_code)]
            lang: $crate::messages::Lang,
            $( $(#[$meta])* pub $field: &'static str, )*
        }

        impl $name {
            /// The messages in `lang`.
            #[allow(dead_code)]
            $vis fn of(lang: $crate::messages::Lang) -> &'static Self {
                static ZH: $name = $name {
                    lang: $crate::messages::Lang::Zh,
                    $( $field: $zh, )*
                };
                static EN: $name = $name {
                    lang: $crate::messages::Lang::En,
                    $( $field: $en, )*
                };
                match lang {
                    $crate::messages::Lang::Zh => &ZH,
                    $crate::messages::Lang::En => &EN,
                }
            }

            $($(
                $(#[$method_meta])*
                pub fn $method(&self, $($arg: $ty),*) -> ::std::string::String {
                    match self.lang {
                        $crate::messages::Lang::Zh => {
                            ::std::format!($method_zh $(, $arg = $arg)*)
                        }
                        $crate::messages::Lang::En => {
                            ::std::format!($method_en $(, $arg = $arg)*)
                        }
                    }
                }
            )*)?
        }
    };
}

#[cfg(test)]
mod tests {
    use super::Lang;

    crate::messages! {
        /// A table with a field and methods of several parameters.
        struct Sample {
            /// A plain message.
            plain: "中文", "English";
        }
        impl {
            /// Two parameters, used in a different order in each language.
            fn place(line: usize, column: usize): "第 {line} 行第 {column} 列", "column {column} of line {line}";
            /// Literal braces beside a placeholder.
            fn braces(n: u32): "{{{n}}}", "{{ {n} }}";
        }
    }

    #[test]
    fn each_language_fills_its_own_placeholders() {
        assert_eq!(Sample::of(Lang::Zh).plain, "中文");
        assert_eq!(Sample::of(Lang::En).plain, "English");
        assert_eq!(Sample::of(Lang::Zh).place(3, 7), "第 3 行第 7 列");
        assert_eq!(Sample::of(Lang::En).place(3, 7), "column 7 of line 3");
        assert_eq!(Sample::of(Lang::Zh).braces(1), "{1}");
        assert_eq!(Sample::of(Lang::En).braces(1), "{ 1 }");
    }
}
