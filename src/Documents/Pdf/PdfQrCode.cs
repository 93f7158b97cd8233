using PdfSharp.Drawing;
using QRCoder;

namespace Craftsman.Documents.Pdf;

/// <summary>A QR code drawn as vector squares, so it prints sharp at any size and needs no image codec.</summary>
internal static class PdfQrCode
{
    /// <summary>Draws the QR code of <paramref name="text"/> in a square of <paramref name="size"/> points at (x, y), quiet zone included.</summary>
    public static void Draw(XGraphics g, string text, double x, double y, double size)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var module = size / matrix.Count;
        for (var row = 0; row < matrix.Count; row++)
            for (var column = 0; column < matrix[row].Length; column++)
                if (matrix[row][column])
                    g.DrawRectangle(XBrushes.Black, x + column * module, y + row * module, module, module);
    }
}
