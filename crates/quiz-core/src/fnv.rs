//! FNV-1a, a tiny hash whose output never changes between releases (std's
//! hasher may): the daily set's seed and the questions fingerprint must be
//! the same on every build and every device.

/// The 64-bit FNV-1a hash of `bytes`.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
