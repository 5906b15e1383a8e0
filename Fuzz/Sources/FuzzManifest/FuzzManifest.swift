import KubeModel

/// libFuzzer entry: the bytes are a manifest file, read as kubectl reads it, then every
/// document goes through the API server's admission (strict decoding, defaults,
/// validation) and back out as YAML and JSON. Anything but a clean return is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let (documents, _) = KubeYAML.decode(bytes, source: "fuzz.yaml")
    for document in documents {
        if case .success(let admitted) = Admission.create(document) {
            _ = KubeYAML.print(admitted)
        }
        _ = KubeJSON.print(document, sortKeys: true)
    }
    _ = try? KubeJSON.parse(String(decoding: bytes, as: UTF8.self))
    return 0
}
