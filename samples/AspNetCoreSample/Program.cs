// A minimal API over the Oak SDK: the client is registered from configuration ("OakPayments" section, see
// appsettings.json) and injected into the endpoints. Point it at a local emulator with
//   dotnet run --project samples/AspNetCoreSample -- --OakPayments:BaseUrl=http://127.0.0.1:5080/
await AspNetCoreSample.SampleApp.Build(args).RunAsync();
