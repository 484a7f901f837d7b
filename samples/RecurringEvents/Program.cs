using RecurringEvents;

// The tutorial's recurring-event flow, end to end. With no --base-url it starts the Zoom Events sandbox in-process on a
// free loopback port, so a fresh clone runs it with nothing else installed; with --base-url it talks to a real account.
return await SampleCommand.RunAsync(args, Console.Out, Console.Error);
