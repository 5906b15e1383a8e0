/// A filesystem failure, named after the errno it stands for.
///
/// `message` is the C library's `strerror` text, which coreutils print after the path:
/// `cat: /x: No such file or directory`.
public enum FSError: Error, Equatable, Sendable {
    case noSuchFile          // ENOENT
    case notADirectory       // ENOTDIR
    case isADirectory        // EISDIR
    case fileExists          // EEXIST
    case directoryNotEmpty   // ENOTEMPTY
    case permissionDenied    // EACCES
    case tooManySymlinks     // ELOOP
    case invalidArgument     // EINVAL
    case crossDevice         // EXDEV
    case readOnly            // EROFS
    case fileTooLarge        // EFBIG
    case busy                // EBUSY

    public var message: String {
        switch self {
        case .noSuchFile: "No such file or directory"
        case .notADirectory: "Not a directory"
        case .isADirectory: "Is a directory"
        case .fileExists: "File exists"
        case .directoryNotEmpty: "Directory not empty"
        case .permissionDenied: "Permission denied"
        case .tooManySymlinks: "Too many levels of symbolic links"
        case .invalidArgument: "Invalid argument"
        case .crossDevice: "Invalid cross-device link"
        case .readOnly: "Read-only file system"
        case .fileTooLarge: "File too large"
        case .busy: "Device or resource busy"
        }
    }
}
