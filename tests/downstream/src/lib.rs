//! Nothing here: the tests in `tests/` use cipherdex as a downstream crate would.
