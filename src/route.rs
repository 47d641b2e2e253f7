//! Hash routes, so the app works as static files, deep links from portal
//! menus and WeChat open the right page, and the back button (or WeChat's
//! back gesture) moves inside the app.

/// A page of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The bank list.
    Home,
    /// One bank: what it holds and how to study it.
    Bank {
        /// The bank's id from the manifest.
        id: String,
    },
    /// The coordinators' preview of a bank file from their device.
    Preview,
    /// Anything else, kept so the page can say what was asked for.
    NotFound(String),
}

impl Route {
    /// Reads `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let path = hash.split('?').next().unwrap_or("");
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Route::Home,
            ["bank", id] if is_plain_id(id) => Route::Bank { id: id.to_string() },
            ["preview"] => Route::Preview,
            _ => Route::NotFound(hash.chars().take(100).collect()),
        }
    }

    /// The hash that leads here, for links.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Home | Route::NotFound(_) => "#/".to_string(),
            Route::Bank { id } => format!("#/bank/{id}"),
            Route::Preview => "#/preview".to_string(),
        }
    }
}

fn is_plain_id(id: &str) -> bool {
    quiz_core::manifest::is_valid_id(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_routes_and_round_trips_links() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
        assert_eq!(Route::parse("#/"), Route::Home);
        assert_eq!(
            Route::parse("#/bank/charter"),
            Route::Bank {
                id: "charter".into()
            }
        );
        assert_eq!(Route::parse("#/preview"), Route::Preview);
        for route in [
            Route::Home,
            Route::Bank { id: "rules".into() },
            Route::Preview,
        ] {
            assert_eq!(Route::parse(&route.to_hash()), route);
        }
    }

    #[test]
    fn odd_hashes_are_not_found_rather_than_errors() {
        assert!(matches!(
            Route::parse("#/bank/../../etc"),
            Route::NotFound(_)
        ));
        assert!(matches!(Route::parse("#/bank/<img>"), Route::NotFound(_)));
        assert!(matches!(Route::parse("#/nope"), Route::NotFound(_)));
        let long = format!("#/{}", "x".repeat(10_000));
        match Route::parse(&long) {
            Route::NotFound(kept) => assert_eq!(kept.chars().count(), 100),
            other => panic!("{other:?}"),
        }
    }
}
