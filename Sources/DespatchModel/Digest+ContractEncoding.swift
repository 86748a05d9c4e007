/// The `despatch analyze --json` contract writes some optional fields as `null` instead of
/// leaving them out (article date, source, language, url and date source; a reaction's
/// speaker, role, country or organisation and reporting verb; a task list's stated count; an
/// official's role; a theme's evidence). Encoding them here, rather than patching the
/// encoded JSON through `JSONSerialization`, lets `JSONEncoder` write the whole digest in one
/// pass: the round trip was nearly half of `analyze --json`.
extension ArticleDigest {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(title, forKey: .title)
        try c.encode(date, forKey: .date)
        try c.encode(dateSource, forKey: .dateSource)
        try c.encode(source, forKey: .source)
        try c.encode(language, forKey: .language)
        try c.encode(url, forKey: .url)
        try c.encode(summary, forKey: .summary)
        try c.encode(themes, forKey: .themes)
        try c.encode(officials, forKey: .officials)
        try c.encode(reactions, forKey: .reactions)
        try c.encode(taskLists, forKey: .taskLists)
        try c.encode(facts, forKey: .facts)
        try c.encode(discrepancies, forKey: .discrepancies)
        try c.encode(paragraphs, forKey: .paragraphs)
        try c.encode(relatedHeadlines, forKey: .relatedHeadlines)
    }
}

extension Official {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(role, forKey: .role)
        try c.encode(mentionedOnly, forKey: .mentionedOnly)
    }
}

extension Reaction {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(speaker, forKey: .speaker)
        try c.encode(role, forKey: .role)
        try c.encode(countryOrOrg, forKey: .countryOrOrg)
        try c.encode(stance, forKey: .stance)
        try c.encode(gist, forKey: .gist)
        try c.encode(evidence, forKey: .evidence)
        try c.encode(related, forKey: .related)
        try c.encode(reportingVerb, forKey: .reportingVerb)
    }
}

extension TaskList {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(label, forKey: .label)
        try c.encode(statedCount, forKey: .statedCount)
        try c.encode(items, forKey: .items)
    }
}

extension CorpusTheme {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(label, forKey: .label)
        try c.encode(articles, forKey: .articles)
        try c.encode(variants, forKey: .variants)
        try c.encode(evidence, forKey: .evidence)
        try c.encode(score, forKey: .score)
        try c.encodeIfPresent(labels, forKey: .labels)
    }
}
