//! FNV-1a, a tiny hash whose output never changes between releases (std's
//! hasher may): the daily set's seed and the questions fingerprint must be
//! the same on every build and every device. It also keys the checker's
//! table of question ids, where std's SipHash, made to resist chosen keys,
//! costs more than the rest of the lookup for short ids from a file the
//! coordinator wrote.

/// The FNV-1a offset basis: the hash of no bytes.
const BASIS: u64 = 0xcbf2_9ce4_8422_2325;

/// The 64-bit FNV-1a hash of `bytes`.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    extend(BASIS, bytes)
}

/// `hash` carried on over `bytes`.
fn extend(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// FNV-1a as a [`std::hash::Hasher`], for hash maps of short keys.
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(BASIS)
    }
}

impl std::hash::Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = extend(self.0, bytes);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builds [`Fnv`] hashers for a `HashMap`.
pub(crate) type FnvBuild = std::hash::BuildHasherDefault<Fnv>;

#[cfg(test)]
mod tests {
    use std::hash::{BuildHasher, Hasher};

    #[test]
    fn the_hasher_hashes_as_the_function_does() {
        let mut hasher = super::Fnv::default();
        hasher.write(b"charter-");
        hasher.write(b"001");
        assert_eq!(hasher.finish(), super::fnv1a(b"charter-001"));
        // The published test vector of FNV-1a 64.
        assert_eq!(super::fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        let build = super::FnvBuild::default();
        assert_eq!(build.hash_one("q1"), build.hash_one(String::from("q1")));
    }
}
