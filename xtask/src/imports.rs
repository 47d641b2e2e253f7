//! Short names for the functions a page's WebAssembly imports from its
//! JavaScript glue.
//!
//! wasm-bindgen names each import after the browser API it wraps plus a
//! 16-digit hash (`__wbg_addEventListener_f2d27251d333a631`), once in the
//! WebAssembly's import section and once in the glue's import object. The
//! hashes are random to a compressor: 184 of them cost the member's exam
//! link about 4 KB of brotli. Both files come from one wasm-bindgen run, so
//! the names only have to agree with each other; `dist` renames every
//! import of the glue's module to a short name in both. Nothing else changes:
//! the exports, the code and the glue's other text are untouched.

use wasm_encoder::{EntityType, ImportSection, RawSection, Section};
use wasmparser::{Parser, Payload, TypeRef};

/// The WebAssembly and its glue with the imports of module `module` (the
/// glue's own, e.g. `./quiz-app_bg.js`) renamed to short names. Fails,
/// changing nothing, when the two files do not name the same imports or
/// the WebAssembly imports something this does not know how to copy.
pub fn shorten(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String), String> {
    let mut out = Vec::with_capacity(wasm.len());
    let mut renamed: Vec<(String, String)> = Vec::new();
    let mut glue_module = None;
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload.map_err(|e| format!("unreadable WebAssembly: {e}"))?;
        match payload {
            Payload::Version { range, .. } => out.extend_from_slice(bytes(wasm, range)),
            Payload::ImportSection(reader) => {
                let mut section = ImportSection::new();
                for import in reader.into_imports() {
                    let import = import.map_err(|e| format!("unreadable import: {e}"))?;
                    let TypeRef::Func(index) = import.ty else {
                        return Err(format!(
                            "the WebAssembly imports {}::{} that is not a function; \
                             xtask/src/imports.rs copies only functions",
                            import.module, import.name
                        ));
                    };
                    // Every function import comes from the glue's one module.
                    match &glue_module {
                        None => glue_module = Some(import.module.to_string()),
                        Some(module) if module == import.module => {}
                        Some(module) => {
                            return Err(format!(
                                "imports from two modules, {module} and {}",
                                import.module
                            ))
                        }
                    }
                    let short = short_name(renamed.len());
                    section.import(import.module, &short, EntityType::Function(index));
                    renamed.push((import.name.to_string(), short));
                }
                section.append_to(&mut out);
            }
            other => {
                if let Some((id, range)) = other.as_section() {
                    RawSection {
                        id,
                        data: bytes(wasm, range),
                    }
                    .append_to(&mut out);
                }
            }
        }
    }
    let mut glue = glue.to_string();
    for (long, short) in &renamed {
        // Each import is one key of the glue's import object: `long: …`.
        let key = format!("{long}:");
        let found = glue
            .match_indices(&key)
            .filter(|(at, _)| is_key_start(&glue, *at));
        let at: Vec<usize> = found.map(|(at, _)| at).collect();
        if at.len() != 1 {
            return Err(format!(
                "the glue names the import {long} {} times, not once",
                at.len()
            ));
        }
        glue.replace_range(at[0]..at[0] + long.len(), short);
    }
    Ok((out, glue))
}

/// The bytes of `wasm` at `range`, as the parser reports ranges.
fn bytes(wasm: &[u8], range: std::ops::Range<u64>) -> &[u8] {
    let whole = u64::try_from(wasm.len()).unwrap_or(u64::MAX);
    let (start, end) = (range.start.min(whole), range.end.min(whole));
    &wasm[usize::try_from(start).unwrap_or(usize::MAX)..usize::try_from(end).unwrap_or(usize::MAX)]
}

/// True when `at` starts a key: not in the middle of a longer name.
fn is_key_start(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_' || c == '$'))
}

/// The `index`th short name: `a`…`z`, `A`…`Z`, then two letters and more.
/// Always a valid JavaScript property name.
fn short_name(mut index: usize) -> String {
    const LETTERS: &[u8; 52] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = Vec::new();
    loop {
        name.push(LETTERS[index % LETTERS.len()]);
        index /= LETTERS.len();
        if index == 0 {
            break;
        }
        index -= 1;
    }
    name.reverse();
    String::from_utf8(name).expect("ASCII letters")
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_encoder::{CodeSection, Function, FunctionSection, Instruction, Module, TypeSection};

    /// A module importing two glue functions and calling them.
    fn module() -> Vec<u8> {
        let mut module = Module::new();
        let mut types = TypeSection::new();
        types.ty().function([], []);
        module.section(&types);
        let mut imports = ImportSection::new();
        imports.import(
            "./app_bg.js",
            "__wbg_log_0123456789abcdef",
            EntityType::Function(0),
        );
        imports.import(
            "./app_bg.js",
            "__wbg_now_fedcba9876543210",
            EntityType::Function(0),
        );
        module.section(&imports);
        let mut functions = FunctionSection::new();
        functions.function(0);
        module.section(&functions);
        let mut code = CodeSection::new();
        let mut body = Function::new([]);
        body.instruction(&Instruction::Call(0));
        body.instruction(&Instruction::Call(1));
        body.instruction(&Instruction::End);
        code.function(&body);
        module.section(&code);
        module.finish()
    }

    const GLUE: &str = "const import0 = {\n    __wbg_log_0123456789abcdef: function() { x__wbg_log_0123456789abcdef: 1 },\n    __wbg_now_fedcba9876543210: function() {},\n};\nwasm.__wbg_log_0123456789abcdef;";

    fn imports_of(wasm: &[u8]) -> Vec<(String, String)> {
        let mut names = Vec::new();
        for payload in Parser::new(0).parse_all(wasm) {
            if let Payload::ImportSection(reader) = payload.unwrap() {
                for import in reader.into_imports() {
                    let import = import.unwrap();
                    names.push((import.module.to_string(), import.name.to_string()));
                }
            }
        }
        names
    }

    #[test]
    fn both_files_get_the_same_short_names_and_nothing_else_changes() {
        let wasm = module();
        let (short, glue) = shorten(&wasm, GLUE).unwrap();
        assert_eq!(
            imports_of(&short),
            [
                ("./app_bg.js".to_string(), "a".to_string()),
                ("./app_bg.js".to_string(), "b".to_string())
            ]
        );
        assert!(short.len() < wasm.len());
        // The code section is copied byte for byte.
        let code = |wasm: &[u8]| {
            Parser::new(0)
                .parse_all(wasm)
                .find_map(|payload| match payload.unwrap() {
                    Payload::CodeSectionStart { range, .. } => Some(bytes(wasm, range).to_vec()),
                    _ => None,
                })
                .unwrap()
        };
        assert_eq!(code(&short), code(&wasm));
        assert!(Parser::new(0)
            .parse_all(&short)
            .all(|payload| payload.is_ok()));
        assert_eq!(
            glue,
            "const import0 = {\n    a: function() { x__wbg_log_0123456789abcdef: 1 },\n    b: function() {},\n};\nwasm.__wbg_log_0123456789abcdef;"
        );
    }

    #[test]
    fn a_glue_that_does_not_name_an_import_is_refused() {
        let glue = GLUE.replace("__wbg_now_fedcba9876543210:", "__wbg_later:");
        let error = shorten(&module(), &glue).unwrap_err();
        assert!(error.contains("__wbg_now_fedcba9876543210"), "{error}");
    }

    #[test]
    fn short_names_are_distinct_identifiers() {
        let names: Vec<String> = (0..3000).map(short_name).collect();
        assert_eq!(&names[..3], ["a", "b", "c"]);
        assert_eq!(names[51], "Z");
        assert_eq!(names[52], "aa");
        let unique: std::collections::HashSet<&String> = names.iter().collect();
        assert_eq!(unique.len(), names.len());
        assert!(names
            .iter()
            .all(|name| name.bytes().all(|b| b.is_ascii_alphabetic())));
    }
}
