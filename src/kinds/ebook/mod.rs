//! `Ebook`: pages of a picture beside a heading and text, turned with the
//! arrows or a swipe; dots and "3 / 6" show where the visitor is.

pub mod book;
#[cfg(feature = "app")]
pub mod view;

use serde::{Deserialize, Serialize};

use super::{Kind, Opening};
use crate::domain::scene::check::{Checker, FieldPath, PICTURE_EXTENSIONS};
use crate::domain::text::Bilingual;
use book::Book;

/// Parameters of an `Ebook`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EbookParams {
    /// The pages in reading order.
    pub pages: Vec<Page>,
}

/// One page of an `Ebook`: a picture beside a heading and text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    /// Page heading.
    pub heading: Bilingual,
    /// Body text.
    pub text: Bilingual,
    /// Picture, a path inside `assets/`.
    pub picture: String,
    /// Caption under the picture.
    #[serde(default)]
    pub caption: Option<Bilingual>,
}

impl Kind for EbookParams {
    type State = Book;

    fn check(&self, c: &mut Checker, at: &FieldPath) {
        let pages = at.field("pages");
        c.count(&pages, self.pages.len(), 1, 40, "pages");
        for (i, p) in self.pages.iter().enumerate() {
            let pp = pages.index(i);
            c.text(&pp.field("heading"), &p.heading, 40);
            c.text(&pp.field("text"), &p.text, 400);
            c.asset(&pp.field("picture"), &p.picture, PICTURE_EXTENSIONS);
            if let Some(cap) = &p.caption {
                c.text(&pp.field("caption"), cap, 120);
            }
        }
    }

    fn visitor_texts(&self) -> Vec<Bilingual> {
        self.pages
            .iter()
            .flat_map(|p| [Some(&p.heading), Some(&p.text), p.caption.as_ref()])
            .flatten()
            .cloned()
            .collect()
    }

    fn files(&self) -> Vec<&str> {
        self.pages.iter().map(|p| p.picture.as_str()).collect()
    }


    /// Opens at the first page; `shot --open N` at page N.
    fn build(&self, opening: &Opening) -> Result<Book, String> {
        let mut book = Book::new(self.pages.len());
        if let Some(n) = opening.moment {
            book.go_to(n.saturating_sub(1));
        }
        Ok(book)
    }

    /// A curator's save keeps the visitor on their page.
    fn carry_over(old: &Book, new: &mut Book) {
        new.go_to(old.page());
    }
}
