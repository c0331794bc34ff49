import Foundation

/// The demo office's document day, in both languages: incoming documents at every step (one
/// urgent one waiting past its decision time), a confidential one, an outgoing notice in its
/// approval chain, a letter released, filed and distributed, and a fresh draft.
enum DemoDocuments {
    static func add(to list: inout ChangeList, now: Date, calendar cal: Calendar, operator op: String, settings: StoreSettings = .defaults) {
        func ago(_ minutes: Int) -> Date { now.addingTimeInterval(-Double(minutes) * 60) }
        let year = cal.component(.year, from: now)
        var seq = list.state.counters["doc.in.\(year)", default: 0]

        func incoming(_ title: String, from sender: String, urgency: DocumentUrgency, _ confidentiality: Confidentiality = .none,
                      category: String, pages: Int, at registered: Date) -> String {
            seq += 1
            var d = Document(id: list.id(.document), direction: .incoming, title: title, stage: .registered,
                             confidentiality: confidentiality, createdAt: registered, createdBy: op)
            d.number = settings.documents.incomingNumber(year: year, seq: seq); d.sequence = seq; d.year = year
            d.receivedOn = cal.startOfDay(for: registered); d.sender = sender; d.category = category; d.urgency = urgency; d.pages = pages
            list.add(.document(.register(d)))
            return d.id
        }

        // Urgent, submitted 30 h ago: its decision (due 24 h after submission) is overdue.
        let budget = incoming("关于编制2027年度部门预算的通知 Notice on the 2027 budget", from: "市财政局 City Finance Bureau", urgency: .urgent,
                              category: "通知 notice", pages: 6, at: ago(31 * 60))
        list.add(.document(.submit(documentID: budget, leader: "wangwei", by: op, at: ago(30 * 60))))

        // Very urgent, with the leader for an hour (decision due in 3 h).
        let safety = incoming("安全生产大检查通知 Safety inspection", from: "区应急管理局 District Emergency Office", urgency: .veryUrgent,
                              category: "通知 notice", pages: 3, at: ago(80))
        list.add(.document(.submit(documentID: safety, leader: "lina", by: op, at: ago(60))))

        // Just registered.
        _ = incoming("Invitation to the Canton Fair 广交会参展邀请", from: "广州市商务局 Guangzhou Commerce Bureau", urgency: .normal,
                     category: "邀请 invitation", pages: 2, at: ago(40))

        // Confidential, decided and forwarded to HR.
        let hr = incoming("人事任免通知 Appointments", from: "集团人力资源部 Group HR", urgency: .urgent, .confidential,
                          category: "人事 personnel", pages: 1, at: ago(6 * 60))
        list.add(.document(.submit(documentID: hr, leader: "zhaolei", by: op, at: ago(5 * 60))))
        list.add(.document(.decide(documentID: hr, text: "请人力资源部办理 HR to act", by: "zhaolei", at: ago(4 * 60))))
        list.add(.document(.forward(documentID: hr, departments: ["人力资源部"], by: op, at: ago(3 * 60))))

        // Handled end to end.
        let drill = incoming("消防演练安排 Fire drill schedule", from: "物业管理处 Building management", urgency: .normal,
                             category: "安全 safety", pages: 2, at: ago(3 * 24 * 60))
        list.add(.document(.submit(documentID: drill, leader: "lina", by: op, at: ago(3 * 24 * 60 - 30))))
        list.add(.document(.decide(documentID: drill, text: "行政部牵头，研发部配合 Admin leads, R&D helps", by: "lina", at: ago(2 * 24 * 60))))
        list.add(.document(.forward(documentID: drill, departments: ["行政部", "研发部"], by: op, at: ago(2 * 24 * 60 - 60))))
        list.add(.document(.handled(documentID: drill, department: "行政部", note: "已通知全员 everyone told", by: "zhangmin", at: ago(24 * 60))))
        list.add(.document(.handled(documentID: drill, department: "研发部", note: nil, by: "chenjing", at: ago(20 * 60))))

        func outgoing(_ type: OutgoingType, _ title: String, dept: String, at drafted: Date) -> String {
            var d = Document(id: list.id(.document), direction: .outgoing, title: title, stage: .drafted, createdAt: drafted, createdBy: op)
            d.type = type; d.draftedBy = dept
            list.add(.document(.draft(d)))
            return d.id
        }

        // A notice in its approval chain.
        let holiday = outgoing(.notice, "关于元旦放假安排的通知 New Year holiday", dept: "行政部", at: ago(5 * 60))
        list.add(.document(.proofread(documentID: holiday, by: op, at: ago(4 * 60))))
        var a = ApprovalRequest(id: list.id(.approval), type: .document, title: "通知：关于元旦放假安排的通知", requester: op, createdAt: ago(3 * 60),
                                approvers: ["wangwei"].filter { $0 != op }, requiredApprovals: 1)
        a.documentRef = holiday
        list.add(.document(.sendForApproval(documentID: holiday, approval: a, by: op, at: ago(3 * 60))))

        // A letter approved, released, filed and distributed; one recipient has acknowledged.
        let letter = outgoing(.letter, "致客户函：办公地址变更 Letter to clients: our new address", dept: "销售部", at: ago(2 * 24 * 60))
        list.add(.document(.proofread(documentID: letter, by: op, at: ago(2 * 24 * 60 - 60))))
        var b = ApprovalRequest(id: list.id(.approval), type: .document, title: "函：致客户函", requester: op, createdAt: ago(2 * 24 * 60 - 90),
                                approvers: [], requiredApprovals: 1)
        b.documentRef = letter
        list.add(.document(.sendForApproval(documentID: letter, approval: b, by: op, at: ago(2 * 24 * 60 - 90))))
        let approver = OfficeCast.approvers.first { $0 != op } ?? "ann"
        list.add(.decideApproval(requestID: b.id, decision: Decision(by: approver, verdict: .approve, comment: "同意 agreed", at: ago(30 * 60))))
        let n = list.state.counters["doc.out.letter.\(year)", default: 0] + 1
        list.add(.document(.release(documentID: letter, number: settings.documents.outgoingNumber(.letter, year: year, seq: n), year: year, sequence: n,
                                    by: op, at: ago(26 * 60))))
        list.add(.document(.file(documentID: letter, by: op, at: ago(25 * 60))))
        list.add(.document(.distribute(documentID: letter, recipients: ["销售部", "客户服务 Customer service"], by: op, at: ago(24 * 60))))
        list.add(.document(.acknowledge(documentID: letter, recipient: "销售部", by: "wangwei", at: ago(20 * 60))))

        // A fresh draft.
        _ = outgoing(.report, "研发部第四季度工作报告 Q4 R&D report", dept: "研发部", at: ago(30))
    }
}
