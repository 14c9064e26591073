import Foundation
import Vapor

/// The stylesheet and the optional script, read from the bundle once and served from memory. They
/// hold no personal data, so browsers may keep them for an hour.
enum Assets {
    private static let files: [String: (data: Data, type: HTTPMediaType)] = {
        var files: [String: (Data, HTTPMediaType)] = [:]
        for (name, type) in [("omsorg.css", HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])),
                             ("omsorg.js", HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"]))] {
            guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Public"),
                  let data = try? Data(contentsOf: url)
            else { fatalError("\(name) is missing from the OmsorgWeb bundle") }
            files[name] = (data, type)
        }
        return files
    }()

    static func serve(_ request: Request) throws -> Response {
        guard let name = request.parameters.get("file"), let file = files[name] else { throw Abort(.notFound) }
        var headers = HTTPHeaders()
        headers.contentType = file.type
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(data: file.data))
    }
}
