import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Thin, checked wrappers over the POSIX calls the store depends on. Every file is created with an
/// explicit mode (umask does not decide who in the office group may write) and every replace is
/// temp → fsync → rename → fsync(directory), so readers see either the old or the new file.
enum Posix {
    /// Group-shared store: rw for owner and group, nothing for others.
    static let fileMode: mode_t = 0o660
    /// setgid so new files inherit the store's group.
    static let dirMode: mode_t = 0o2770


    static func open(_ path: String, _ flags: Int32, create: Bool = false) throws(StoreError) -> Int32 {
        let fd = create ? Glibc.open(path, flags | O_CREAT | O_CLOEXEC, fileMode) : Glibc.open(path, flags | O_CLOEXEC)
        if fd < 0 { throw .io(path, "open") }
        if create, (flags & O_ACCMODE) != O_RDONLY { _ = fchmod(fd, fileMode) }
        return fd
    }

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

    static func fsyncDirectory(_ dir: String) throws(StoreError) {
        let fd = Glibc.open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 { throw .io(dir, "open directory") }
        defer { close(fd) }
        if Glibc.fsync(fd) != 0 { throw .io(dir, "fsync directory") }
    }

    /// Replaces `path` with `data` atomically and durably, mode 0660.
    static func atomicWrite(_ data: Data, to path: String, mode: mode_t = fileMode) throws(StoreError) {
        let dir = (path as NSString).deletingLastPathComponent
        let tmp = "\(path).tmp.\(getpid())"
        let fd = try open(tmp, O_WRONLY | O_TRUNC, create: true)
        if mode != fileMode { _ = fchmod(fd, mode) }
        do {
            try writeAll(fd, data, path: tmp)
            try fsync(fd, path: tmp)
        } catch {
            close(fd); unlink(tmp); throw error
        }
        close(fd)
        if rename(tmp, path) != 0 { let e = errno; unlink(tmp); throw .io(path, "rename", errno: e) }
        try fsyncDirectory(dir.isEmpty ? "." : dir)
    }

    /// The whole file, or nil when it does not exist.
    static func read(_ path: String) throws(StoreError) -> Data? {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw .io(path, "open")
        }
        defer { close(fd) }
        return try readToEnd(fd, from: 0, path: path)
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

    static func fileID(_ path: String) -> FileID? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return FileID(dev: UInt64(st.st_dev), ino: UInt64(st.st_ino), size: Int(st.st_size),
                      mtime: Int(st.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(st.st_mtim.tv_nsec))
    }

    static func fileID(fd: Int32) -> FileID? {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        return FileID(dev: UInt64(st.st_dev), ino: UInt64(st.st_ino), size: Int(st.st_size),
                      mtime: Int(st.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(st.st_mtim.tv_nsec))
    }

    /// The open file is still the one at `path` (not renamed away or unlinked).
    static func isSameFile(_ fd: Int32, _ path: String) -> Bool {
        var a = stat(), b = stat()
        guard fstat(fd, &a) == 0, stat(path, &b) == 0 else { return false }
        return a.st_nlink > 0 && a.st_ino == b.st_ino && a.st_dev == b.st_dev
    }

    static func mode(_ path: String) -> mode_t? {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_mode : nil
    }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// Creates the directory with `mode` (exactly, whatever the umask). An existing directory is
    /// left as it is: its mode is not ours to change.
    static func makeDirectory(_ path: String, mode: mode_t = dirMode) throws(StoreError) {
        if mkdir(path, mode) != 0 {
            if errno == EEXIST { return }
            throw .io(path, "mkdir")
        }
        _ = chmod(path, mode)
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

    static func listDirectory(_ path: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: path))?.sorted() ?? []
    }
}
