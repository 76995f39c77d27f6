//! The few shapes of XML the sitemaps and feeds are made of, over `quick-xml`'s writer (which
//! escapes text and attributes).

use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;

pub struct Xml {
    writer: Writer<Vec<u8>>,
}

// Writing into memory cannot fail; `quick_xml` returns `io::Result` for any writer.
const IN_MEMORY: &str = "writing XML into memory";

impl Xml {
    /// A document starting with the XML declaration, indented by two spaces.
    pub fn new() -> Xml {
        let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
        writer
            .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
            .expect(IN_MEMORY);
        Xml { writer }
    }

    /// `<name attrs…>`, then what `inner` writes, then `</name>`.
    pub fn element(&mut self, name: &str, attrs: &[(&str, &str)], inner: impl FnOnce(&mut Xml)) {
        let start = quick_xml::events::BytesStart::new(name).with_attributes(attrs.iter().copied());
        self.writer
            .write_event(Event::Start(start))
            .expect(IN_MEMORY);
        inner(self);
        self.writer
            .write_event(Event::End(quick_xml::events::BytesEnd::new(name)))
            .expect(IN_MEMORY);
    }

    /// `<name>text</name>`.
    pub fn text(&mut self, name: &str, text: &str) {
        self.writer
            .create_element(name)
            .write_text_content(BytesText::new(text))
            .expect(IN_MEMORY);
    }

    /// `<name attrs… />`.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.writer
            .create_element(name)
            .with_attributes(attrs.iter().copied())
            .write_empty()
            .expect(IN_MEMORY);
    }

    pub fn finish(self) -> String {
        let mut text =
            String::from_utf8(self.writer.into_inner()).expect("the writer writes UTF-8");
        text.push('\n');
        text
    }
}
