import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An open store directory (the store itself, or its `history/`). Every file of a store is reached
/// relative to this descriptor with `O_NOFOLLOW`, so renaming or replacing a directory on the path,
/// or planting a symbolic link in place of a store file, can never redirect a write elsewhere.
/// New files are created with `O_CREAT|O_EXCL|O_NOFOLLOW` and an explicit mode; replaced files go through a
/// temp file with an unpredictable name → fsync → `renameat` → fsync of the directory, so readers
/// see either the old or the new contents.
final class StoreDirectory: @unchecked Sendable {
    /// The path, for messages only: nothing is opened through it after `init`.
    let path: String
    let fd: Int32
    /// Tests only: the next replace of this name fails as a full disk would.
    var failReplace: String?

    /// Opens `path` as a directory; its last component may not be a symbolic link.
    init(opening path: String) throws(StoreError) {
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 {
            let e = errno
            if e == ELOOP || e == ENOTDIR { throw StorePolicy.linkOrNotDirectory(path) }
            throw .io(path, "open directory", errno: e)
        }
        self.path = path
        self.fd = fd
    }

    private init(fd: Int32, path: String) { self.fd = fd; self.path = path }

    deinit { close(fd) }

    /// The full path of `name` in this directory (for messages).
    func full(_ name: String) -> String { path + "/" + name }

    /// Opens the subdirectory `name` (never through a link). Nil when it does not exist.
    func subdirectory(_ name: String) throws(StoreError) -> StoreDirectory? {
        let sub = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if sub < 0 {
            let e = errno
            if e == ENOENT { return nil }
            if e == ELOOP || e == ENOTDIR { throw StorePolicy.linkOrNotDirectory(full(name)) }
            throw .io(full(name), "open directory", errno: e)
        }
        return StoreDirectory(fd: sub, path: full(name))
    }

    /// Creates the subdirectory `name` with exactly `mode` (whatever the umask). EEXIST is fine.
    func makeDirectory(_ name: String, mode: mode_t = StorePolicy.directoryMode) throws(StoreError) {
        if mkdirat(fd, name, mode) != 0 {
            if errno == EEXIST { return }
            throw .io(full(name), "mkdir")
        }
        if let sub = try subdirectory(name) { _ = fchmod(sub.fd, mode) }
    }

    /// Opens an existing regular file; nil when it does not exist. A link or a non-file is refused.
    func openFile(_ name: String, _ flags: Int32) throws(StoreError) -> Int32? {
        let f = openat(fd, name, flags | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        if f < 0 {
            let e = errno
            if e == ENOENT { return nil }
            if e == ELOOP { throw StorePolicy.isLink(full(name)) }
            throw .io(full(name), "open", errno: e)
        }
        var st = stat()
        if fstat(f, &st) != 0 || (st.st_mode & S_IFMT) != S_IFREG {
            close(f)
            throw StorePolicy.notRegular(full(name))
        }
        return f
    }

    /// Creates `name`, which must not exist (`O_EXCL`: an existing file or link is never reused).
    func createFile(_ name: String, _ flags: Int32 = O_WRONLY, mode: mode_t = StorePolicy.fileMode) throws(StoreError) -> Int32 {
        let f = openat(fd, name, flags | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        if f < 0 { throw .io(full(name), "create") }
        _ = fchmod(f, mode)
        return f
    }

    /// The whole file, or nil when it does not exist.
    func read(_ name: String) throws(StoreError) -> Data? {
        guard let f = try openFile(name, O_RDONLY) else { return nil }
        defer { close(f) }
        return try Posix.readToEnd(f, from: 0, path: full(name))
    }

    /// A name no one can guess ahead of time: 128 bits from the system's random source.
    static func unpredictableSuffix() -> String {
        var g = SystemRandomNumberGenerator()
        return String(format: "%016llx%016llx", g.next() as UInt64, g.next() as UInt64)
    }

    /// Replaces `name` with `data` atomically and durably, with exactly `mode`.
    func replace(_ name: String, with data: Data, mode: mode_t = StorePolicy.fileMode) throws(StoreError) {
        if failReplace == name { throw .io(full(name), "write (injected by a test)", errno: EIO) }
        let tmp = "\(name).tmp.\(Self.unpredictableSuffix())"
        let f = try createFile(tmp, O_WRONLY, mode: mode)
        do {
            try Posix.writeAll(f, data, path: full(tmp))
            try Posix.fsync(f, path: full(tmp))
        } catch {
            close(f); unlinkat(fd, tmp, 0); throw error
        }
        close(f)
        if renameat(fd, tmp, fd, name) != 0 {
            let e = errno; unlinkat(fd, tmp, 0); throw .io(full(name), "rename", errno: e)
        }
        try sync()
    }

    /// Moves `name` to `other`/`newName`. False when `name` does not exist.
    @discardableResult
    func move(_ name: String, to other: StoreDirectory, as newName: String) throws(StoreError) -> Bool {
        if renameat(fd, name, other.fd, newName) != 0 {
            if errno == ENOENT { return false }
            throw .io(full(name), "move to \(other.full(newName))")
        }
        return true
    }

    func remove(_ name: String) { unlinkat(fd, name, 0) }

    /// `lstat` of `name` (links are not followed); nil when missing.
    func status(_ name: String) -> stat? {
        var st = stat()
        return fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 ? st : nil
    }

    /// The directory's own status.
    func ownStatus() -> stat? {
        var st = stat()
        return fstat(fd, &st) == 0 ? st : nil
    }

    func fileID(_ name: String) -> Posix.FileID? {
        status(name).map(Posix.FileID.init)
    }

    /// The open file `f` is still the one at `name` (not renamed away or unlinked).
    func isSameFile(_ f: Int32, _ name: String) -> Bool {
        var a = stat()
        guard fstat(f, &a) == 0, let b = status(name) else { return false }
        return a.st_nlink > 0 && a.st_ino == b.st_ino && a.st_dev == b.st_dev
    }

    /// Entry names, sorted, without `.` and `..`.
    func names() -> [String] {
        let d = openat(fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard d >= 0, let dir = fdopendir(d) else { return [] }
        defer { closedir(dir) }
        var out: [String] = []
        while let e = readdir(dir) {
            let name = withUnsafePointer(to: e.pointee.d_name) { p in
                p.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { out.append(name) }
        }
        return out.sorted()
    }

    /// fsync of the directory itself (makes renames and creations durable).
    func sync() throws(StoreError) {
        if Glibc.fsync(fd) != 0 { throw .io(path, "fsync directory") }
    }
}

extension Posix.FileID {
    init(_ st: stat) {
        self.init(dev: UInt64(st.st_dev), ino: UInt64(st.st_ino), size: Int(st.st_size),
                  mtime: Int(st.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(st.st_mtim.tv_nsec))
    }
}
