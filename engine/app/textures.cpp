// Image loading. stb_image's implementation comes from Debian's libstb.so.

#include "textures.hpp"

#include <glad/gl.h>
#include <stb_image.h>

#include <cstdint>

namespace measured::app {

GlTextures::~GlTextures() {
    for (auto& [path, t] : cache_) {
        if (!t) continue;
        const GLuint id = static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(t->id));
        glDeleteTextures(1, &id);
    }
}

const ui::Texture* GlTextures::get(const std::string& path) {
    if (auto it = cache_.find(path); it != cache_.end()) return it->second ? &*it->second : nullptr;
    int w = 0, h = 0, channels = 0;
    unsigned char* pixels = stbi_load(path.c_str(), &w, &h, &channels, 4);
    // Very large images would cost more memory than they are worth on an old laptop.
    if (!pixels || w <= 0 || h <= 0 || w > 8192 || h > 8192) {
        if (pixels) stbi_image_free(pixels);
        cache_.emplace(path, std::nullopt);
        return nullptr;
    }
    GLuint id = 0;
    glGenTextures(1, &id);
    glBindTexture(GL_TEXTURE_2D, id);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    stbi_image_free(pixels);
    ui::Texture t{reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(id)), w, h};
    return &*cache_.emplace(path, t).first->second;
}

}  // namespace measured::app
