import Foundation

extension ParcelDesk {
    /// The parcel desk over past days: `parcels` (those booked, collected or returned in the
    /// days, read from history and the working set) — any still waiting first, overdue first, then
    /// the others newest first. Names and flags come from `state` (the working set).
    public init(parcels: [Parcel], state s: OfficeState, now: Date, settings: StoreSettings) {
        func row(_ p: Parcel) -> ParcelRow {
            ParcelRow(parcel: p, personName: p.person.map(s.displayName), flags: s.flags(of: p, at: now, settings),
                      daysWaiting: p.status == .waiting ? max(0, Int(now.timeIntervalSince(p.at) / 86_400)) : nil)
        }
        waiting = parcels.filter { $0.incoming && $0.status == .waiting }.map(row)
            .sorted { ($0.flags.isEmpty ? 1 : 0, $0.parcel.at, $0.parcel.id) < ($1.flags.isEmpty ? 1 : 0, $1.parcel.at, $1.parcel.id) }
        handled = parcels.filter { $0.status != .waiting }.map(row).sorted { ($0.parcel.at, $0.parcel.id) > ($1.parcel.at, $1.parcel.id) }
    }
}
