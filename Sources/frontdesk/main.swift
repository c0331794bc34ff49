import ArgumentParser
import Foundation
import FrontDeskKit

// Exit codes, everywhere: 0 done; 2 bad usage or invalid input; 3 refused by a business rule or a
// permission; 4 store unusable. ArgumentParser's own usage errors (64) are mapped to 2.
// No store file may become stdin, stdout or stderr, whoever started us with them closed.
Outcome.openClosedStandardDescriptors()
// A set-uid install: become the real user before anything else runs, and clean the environment.
for warning in Privilege.dropAtStartup() { Outcome.say("frontdesk: warning: \(warning)") }
let arguments = Array(CommandLine.arguments.dropFirst())
// config.toml's `language` chooses the reader's language over LC_ALL/LC_MESSAGES/LANG (an SSH
// client forwards its own LANG); an explicit FRONTDESK_LANGUAGE still wins.
if arguments != ["--version"], let language = StoreOptions.config.language { setenv("FRONTDESK_LANGUAGE", language, 0) }
if arguments.first == "help", let problem = Frontdesk.unknownHelpTopic(Array(arguments.dropFirst())) {
    Outcome.say("frontdesk: \(problem) See frontdesk --help.")
    exit(2)
}
do {
    var command = try Frontdesk.parseCommandLine(arguments)
    try command.run()
    exit(0)
} catch {
    exit(Outcome.report(error))
}
