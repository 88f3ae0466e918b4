//! cipherdex: every TLS cipher suite by every name it has ever had.
//!
//! (Work in progress: the knowledge base lands next.)
