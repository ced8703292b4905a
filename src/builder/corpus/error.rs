//! Errors about the corpus, worded for the person who edits it: file, line, what, how to fix.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq)]
pub struct CorpusError {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub message: String,
    pub hint: Option<String>,
}

impl CorpusError {
    pub fn new(file: &Path, line: Option<usize>, message: impl Into<String>) -> Self {
        CorpusError { file: file.to_owned(), line, message: message.into(), hint: None }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": error: {}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for CorpusError {}

/// Something in the corpus worth a look that does not stop the build.
#[derive(Debug, Clone, PartialEq)]
pub struct CorpusWarning {
    pub file: PathBuf,
    pub line: usize,
    pub message: String,
}

impl CorpusWarning {
    pub fn new(file: &Path, line: usize, message: String) -> Self {
        CorpusWarning { file: file.to_owned(), line, message }
    }
}

impl fmt::Display for CorpusWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: warning: {}", self.file.display(), self.line, self.message)
    }
}
