// zoom-events-conformance: see Cli/ConformanceCli.cs for commands and exit codes.
return ZoomEvents.Conformance.Cli.ConformanceCli.Run(args, Console.Out, Console.Error);
