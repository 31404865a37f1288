import HTTP
import Store

/// Everything a route's build step may read.
struct RouteContext {
    let request: HTTPRequest
    let parameters: Parameters
    let query: QueryParameters
    let representation: Representation
    var knowledgeBase: KnowledgeBase { representation.knowledgeBase }
}
