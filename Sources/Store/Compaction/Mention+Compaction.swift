extension Mention {
    func compacted(by compactor: Compactor) -> Mention {
        Mention(entity: compactor.string(entity), article: compactor.string(article), paragraph: paragraph,
                start: start, end: end, text: compactor.string(text), alias: compactor.string(alias))
    }
}
