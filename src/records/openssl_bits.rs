//! Algorithm bit masks of the cipher-string engine.
//!
//! These mirror the *meaning* of OpenSSL's internal `SSL_k*`, `SSL_a*`,
//! `SSL_e*`/`SSL_*` and `SSL_*` MAC flags (one bit per algorithm) but the bit
//! values are cipherdex's own.

// Key exchange.
pub(crate) const K_RSA: u32 = 1;
pub(crate) const K_DHE: u32 = 1 << 1;
pub(crate) const K_ECDHE: u32 = 1 << 2;
pub(crate) const K_PSK: u32 = 1 << 3;
pub(crate) const K_RSAPSK: u32 = 1 << 4;
pub(crate) const K_ECDHEPSK: u32 = 1 << 5;
pub(crate) const K_DHEPSK: u32 = 1 << 6;
pub(crate) const K_SRP: u32 = 1 << 7;
pub(crate) const K_GOST: u32 = 1 << 8;
pub(crate) const K_GOST18: u32 = 1 << 9;
/// TLS 1.3 suites: no key-exchange bit (as in OpenSSL).
pub(crate) const K_ANY: u32 = 0;
pub(crate) const K_PSK_ALL: u32 = K_PSK | K_RSAPSK | K_ECDHEPSK | K_DHEPSK;

// Authentication.
pub(crate) const A_RSA: u32 = 1;
pub(crate) const A_DSS: u32 = 1 << 1;
pub(crate) const A_NULL: u32 = 1 << 2;
pub(crate) const A_ECDSA: u32 = 1 << 3;
pub(crate) const A_PSK: u32 = 1 << 4;
pub(crate) const A_GOST01: u32 = 1 << 5;
pub(crate) const A_SRP: u32 = 1 << 6;
pub(crate) const A_GOST12: u32 = 1 << 7;
/// TLS 1.3 suites: no authentication bit (as in OpenSSL).
pub(crate) const A_ANY: u32 = 0;

// Bulk encryption.
pub(crate) const E_DES: u32 = 1;
pub(crate) const E_3DES: u32 = 1 << 1;
pub(crate) const E_RC4: u32 = 1 << 2;
pub(crate) const E_RC2: u32 = 1 << 3;
pub(crate) const E_IDEA: u32 = 1 << 4;
pub(crate) const E_NULL: u32 = 1 << 5;
pub(crate) const E_AES128: u32 = 1 << 6;
pub(crate) const E_AES256: u32 = 1 << 7;
pub(crate) const E_CAMELLIA128: u32 = 1 << 8;
pub(crate) const E_CAMELLIA256: u32 = 1 << 9;
pub(crate) const E_GOST89: u32 = 1 << 10;
pub(crate) const E_SEED: u32 = 1 << 11;
pub(crate) const E_AES128GCM: u32 = 1 << 12;
pub(crate) const E_AES256GCM: u32 = 1 << 13;
pub(crate) const E_AES128CCM: u32 = 1 << 14;
pub(crate) const E_AES256CCM: u32 = 1 << 15;
pub(crate) const E_AES128CCM8: u32 = 1 << 16;
pub(crate) const E_AES256CCM8: u32 = 1 << 17;
pub(crate) const E_GOST89_12: u32 = 1 << 18;
pub(crate) const E_CHACHA20POLY1305: u32 = 1 << 19;
pub(crate) const E_ARIA128GCM: u32 = 1 << 20;
pub(crate) const E_ARIA256GCM: u32 = 1 << 21;
pub(crate) const E_MAGMA: u32 = 1 << 22;
pub(crate) const E_KUZNYECHIK: u32 = 1 << 23;

pub(crate) const E_AESGCM: u32 = E_AES128GCM | E_AES256GCM;
pub(crate) const E_AESCCM: u32 = E_AES128CCM | E_AES256CCM | E_AES128CCM8 | E_AES256CCM8;
pub(crate) const E_AESCCM8: u32 = E_AES128CCM8 | E_AES256CCM8;
pub(crate) const E_AES: u32 = E_AES128 | E_AES256 | E_AESGCM | E_AESCCM;
pub(crate) const E_CAMELLIA: u32 = E_CAMELLIA128 | E_CAMELLIA256;
pub(crate) const E_ARIAGCM: u32 = E_ARIA128GCM | E_ARIA256GCM;
pub(crate) const E_CBC: u32 =
    E_DES | E_3DES | E_RC2 | E_IDEA | E_AES128 | E_AES256 | E_CAMELLIA128 | E_CAMELLIA256 | E_SEED;
pub(crate) const E_GOST: u32 = E_GOST89 | E_GOST89_12 | E_MAGMA | E_KUZNYECHIK;

// MAC.
pub(crate) const M_MD5: u32 = 1;
pub(crate) const M_SHA1: u32 = 1 << 1;
pub(crate) const M_GOST94: u32 = 1 << 2;
pub(crate) const M_GOST89MAC: u32 = 1 << 3;
pub(crate) const M_SHA256: u32 = 1 << 4;
pub(crate) const M_SHA384: u32 = 1 << 5;
pub(crate) const M_AEAD: u32 = 1 << 6;
pub(crate) const M_GOST12_256: u32 = 1 << 7;
pub(crate) const M_GOST89MAC12: u32 = 1 << 8;
pub(crate) const M_GOST12_512: u32 = 1 << 9;
pub(crate) const M_MAGMAOMAC: u32 = 1 << 10;
pub(crate) const M_KUZNYECHIKOMAC: u32 = 1 << 11;

// Strength classes (one byte).
pub(crate) const S_NONE: u8 = 1;
pub(crate) const S_LOW: u8 = 1 << 1;
pub(crate) const S_MEDIUM: u8 = 1 << 2;
pub(crate) const S_HIGH: u8 = 1 << 3;
pub(crate) const S_FIPS: u8 = 1 << 4;
pub(crate) const S_NOT_DEFAULT: u8 = 1 << 5;
pub(crate) const S_STRONG_MASK: u8 = 0x1F;
pub(crate) const S_DEFAULT_MASK: u8 = S_NOT_DEFAULT;

// Protocol versions (wire values).
pub(crate) const SSL3: u16 = 0x0300;
pub(crate) const TLS1: u16 = 0x0301;
pub(crate) const TLS1_2: u16 = 0x0303;
