//! Writers: suite lists back to configuration text (work in progress).
