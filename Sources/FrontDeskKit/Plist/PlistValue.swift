import Foundation

/// An in-memory property list tree.
public enum PlistValue: Equatable, Sendable {
    case bool(Bool), int(Int64), real(Double), date(Date), data(Data), string(String)
    case array([PlistValue]), dict([String: PlistValue])
}
