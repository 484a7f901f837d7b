// Entry point placeholder until the checker CLI lands (issue 7); returns a usage error so nothing mistakes it for a pass.
Console.Error.WriteLine("usage: zoom-events-conformance check <spec> <pact-dir> | diff <old> <new> (not implemented yet)");
return 2;
