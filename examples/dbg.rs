fn main() {
    let path = std::env::args().nth(1).unwrap();
    let a = quotecheck::Article::read(&path).unwrap();
    for s in quotecheck::extract::extract(&a) {
        println!("{} L{} {:?} [{}] ({}) cue={:?} date={:?} via={:?}\n    {}", s.statement_id, s.line, s.kind, s.speaker, s.speaker_mention, s.cue, s.statement_date.map(|d| d.to_string()), s.via, s.content);
    }
}
