using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Craftsman.Contracts.Editions;

namespace Craftsman.Documents.Workbooks;

/// <summary>Either a whole document (no errors) or every error found (no document): never a partial edition.</summary>
public sealed record WorkbookReadResult
{
    private WorkbookReadResult(EditionDocument? document, ImmutableArray<WorkbookError> errors)
    {
        Document = document;
        Errors = errors;
    }

    public EditionDocument? Document { get; }

    public ImmutableArray<WorkbookError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Document))]
    public bool Succeeded => Document is not null;

    internal static WorkbookReadResult Success(EditionDocument document) => new(document, []);

    internal static WorkbookReadResult Failure(IEnumerable<WorkbookError> errors)
    {
        var list = errors.ToImmutableArray();
        if (list.IsEmpty)
            throw new ArgumentException("A failed read carries at least one error.", nameof(errors));
        return new(null, list);
    }
}
