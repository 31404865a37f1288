import API
import Testing
import TestSupport

/// A compacted dataset (``DatasetCompaction``; a server compacts from 1,000 articles) serves
/// exactly what the dataset it was copied from serves.
@Suite struct DatasetCompactionTests {
    static let targets = [
        "/", "/events", "/events?status=scheduled&sort=-date", "/events?participant=zelensky", "/events?format=geojson",
        "/events.ics", "/events/oval-office-meeting-2025-02-28", "/entities?limit=100", "/entities/alaska",
        "/entities/alaska/mentions?limit=50", "/articles", "/articles/004-d5eb6b1bfa0c14e8?include=text,paragraphs,mentions",
        "/proposals", "/search?q=security%20guarantees", "/search?q=%22coalition%20of%20the%20willing%22",
    ]

    @Test func aCompactedDatasetServesTheSameBytes() throws {
        let compacted: Dataset
        switch DatasetLoader.load(directory: repositorySeeds, strict: true, compactingFrom: 0) {
        case .success(let dataset): compacted = dataset
        case .failure(let failure): Issue.record("\(failure)"); return
        }
        #expect(compacted.isCompacted && !shippedDataset.isCompacted)
        #expect(compacted.version == shippedDataset.version)
        let (copyServer, _) = try startAccord(dataset: compacted)
        let (originalServer, _) = try startAccord()
        defer {
            copyServer.stop()
            originalServer.stop()
        }
        let copyClient = try RawClient(port: copyServer.port), originalClient = try RawClient(port: originalServer.port)
        for target in Self.targets {
            let copy = try copyClient.get(target), original = try originalClient.get(target)
            #expect(copy.status == 200 && original.status == 200, "\(target)")
            // The root names the load time, which differs; everything else is the same bytes.
            if target == "/" { continue }
            #expect(copy.text == original.text, "\(target)")
            #expect(copy.header("ETag") == original.header("ETag"), "\(target)")
        }
    }
}
