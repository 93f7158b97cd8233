using System.Globalization;
using System.Text;
using Craftsman.Gateway.Api;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Craftsman.Gateway.Input;

/// <summary>
/// Before any endpoint reads a body: a body over the limit is refused with 413 whether it declared
/// its length or came chunked (it is read here, up to the limit, and buffered for the endpoint);
/// a body in a charset other than UTF-8 is refused with 415 instead of failing inside the JSON reader.
/// </summary>
public sealed class RequestLimits(RequestDelegate next, IOptions<RequestLimitOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HasBody(request))
        {
            await next(context);
            return;
        }
        var limit = IsJson(request) ? options.Value.MaxJsonBodyBytes : options.Value.MaxBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = options.Value.MaxBodyBytes;
        if (request.ContentLength > limit)
        {
            await TooLarge(context, limit);
            return;
        }
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.Charset.HasValue
            && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !type.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            await Refusals.Refusal.Write(context, StatusCodes.Status415UnsupportedMediaType, "UnsupportedCharset",
                $"Bodies are read as UTF-8; the charset '{Shorten(type.Charset.Value ?? "")}' is not supported.", ("charset", "utf-8"));
            return;
        }
        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: limit);
        try
        {
            await request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        }
        catch (IOException) when (!context.RequestAborted.IsCancellationRequested)
        {
            // Kestrel's own limit and the buffer's limit both end up here.
            await TooLarge(context, limit);
            return;
        }
        request.Body.Position = 0;
        await next(context);
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || request.ContentLength is null && request.Headers.TransferEncoding.Count > 0;

    private static bool IsJson(HttpRequest request) =>
        request.ContentType is { } type && type.Contains("json", StringComparison.OrdinalIgnoreCase);

    private static Task TooLarge(HttpContext context, long limit) =>
        Refusals.Refusal.Write(context, StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge",
            $"A body of this kind may be at most {limit.ToString(CultureInfo.InvariantCulture)} bytes.", ("maxBytes", limit.ToString(CultureInfo.InvariantCulture)));

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "…";
}
