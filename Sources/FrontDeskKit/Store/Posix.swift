import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Thin, checked wrappers over the POSIX calls the store depends on, on descriptors only: files are
/// opened by `StoreDirectory`, relative to the store directory's descriptor.
enum Posix {
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(StoreError) {
        var done = 0
        while done < bytes.count {
            guard let base = bytes.baseAddress else { return }
            let n = Glibc.write(fd, base + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(path, "write")
            }
            done += n
        }
    }

    static func writeAll(_ fd: Int32, _ data: Data, path: String) throws(StoreError) {
        var failure: StoreError?
        data.withUnsafeBytes { (b: UnsafeRawBufferPointer) in
            do throws(StoreError) { try writeAll(fd, b, path: path) } catch { failure = error }
        }
        if let f = failure { throw f }
    }

    static func fsync(_ fd: Int32, path: String) throws(StoreError) {
        if Glibc.fsync(fd) != 0 { throw .io(path, "fsync") }
    }

    /// Bytes of `fd` from `offset` to its current end.
    static func readToEnd(_ fd: Int32, from offset: Int, path: String) throws(StoreError) -> Data {
        var st = stat()
        if fstat(fd, &st) != 0 { throw .io(path, "stat") }
        let size = Int(st.st_size)
        guard size > offset else { return Data() }
        var data = Data(count: size - offset)
        var got = 0
        let ok = data.withUnsafeMutableBytes { (b: UnsafeMutableRawBufferPointer) -> Bool in
            guard let base = b.baseAddress else { return true }
            while got < b.count {
                let n = pread(fd, base + got, b.count - got, off_t(offset + got))
                if n < 0 { if errno == EINTR { continue }; return false }
                if n == 0 { break }
                got += n
            }
            return true
        }
        if !ok { throw .io(path, "read") }
        if got < data.count { data.removeSubrange(got...) }
        return data
    }

    static func fileSize(_ fd: Int32) -> Int {
        var st = stat()
        return fstat(fd, &st) == 0 ? Int(st.st_size) : 0
    }

    struct FileID: Equatable { var dev: UInt64; var ino: UInt64; var size: Int; var mtime: Int }

    static func fileID(fd: Int32) -> FileID? {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        return FileID(dev: UInt64(st.st_dev), ino: UInt64(st.st_ino), size: Int(st.st_size),
                      mtime: Int(st.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(st.st_mtim.tv_nsec))
    }

    /// flock, non-blocking: true when taken.
    static func tryLock(_ fd: Int32) -> Bool {
        let call: (Int32, Int32) -> Int32 = flock  // bare `flock` names the struct initializer
        return call(fd, LOCK_EX | LOCK_NB) == 0
    }
    static func unlock(_ fd: Int32) {
        let call: (Int32, Int32) -> Int32 = flock
        _ = call(fd, LOCK_UN)
    }

}
