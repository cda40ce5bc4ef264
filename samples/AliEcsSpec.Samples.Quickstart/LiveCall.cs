using AliEcsSpec.Client;
using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Samples.Quickstart;

/// <summary>One real call, only with <c>--live</c>: credentials come from the environment.</summary>
internal static class LiveCall
{
    public static async Task<int> RunAsync(QuickstartArguments arguments)
    {
        EcsSpecClient client;
        try
        {
            client = EcsSpecClient.Create(new EcsSpecClientOptions { RegionId = arguments.Region, Endpoint = arguments.Endpoint });
        }
        catch (ArgumentException e)
        {
            // For example: no credentials anywhere, or a region ID that is not one.
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        using var owned = client;
        var token = Guid.NewGuid().ToString();
        Console.WriteLine($"Live call to {arguments.Endpoint?.ToString() ?? $"https://ecs.{arguments.Region}.aliyuncs.com"} with ClientToken {token}");
        try
        {
            if (arguments.Prepaid)
            {
                var response = await client.ModifyPrepayInstanceSpecAsync(new ModifyPrepayInstanceSpecRequest
                {
                    RegionId = arguments.Region!,
                    InstanceId = arguments.InstanceId!,
                    InstanceType = arguments.InstanceType!,
                    ClientToken = token,
                });
                Console.WriteLine($"OrderId {response.OrderId}, RequestId {response.RequestId}");
            }
            else
            {
                var response = await client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest
                {
                    RegionId = arguments.Region,
                    InstanceId = arguments.InstanceId!,
                    InstanceType = arguments.InstanceType,
                    ClientToken = token,
                });
                Console.WriteLine($"Done, RequestId {response.RequestId}");
            }

            return 0;
        }
        catch (EcsException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }
}
